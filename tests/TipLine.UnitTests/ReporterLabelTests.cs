using TipLine.Contracts;
using TipLine.Intake.Reporters;

namespace TipLine.UnitTests;

public class ReporterLabelTests
{
    [Fact]
    public void A_label_is_R_dash_and_two_groups_of_four_Crockford_characters()
    {
        Assert.Matches("^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", ReporterLabel.New());
    }

    [Theory]
    [InlineData("R-7KQ2-9XMD", true)]
    [InlineData("R-7KQ2", false)] // the old label, derived from the contact
    [InlineData("R-7KQ2-9XMI", false)] // I is not in the alphabet
    [InlineData("R-7KQ29XMD0", false)]
    [InlineData("r-7kq2-9xmd", false)]
    public void Only_a_label_of_today_s_form_is_current(string label, bool current)
    {
        Assert.Equal(current, ReporterLabel.IsCurrent(label));
        Assert.True(ReporterLabel.IsCurrent(ReporterLabel.New()));
    }

    [Fact]
    public void Two_hundred_thousand_reporters_get_two_hundred_thousand_different_labels()
    {
        // 40 random bits: about 0.02 shared labels are expected among 200,000 (intake draws again on one); the old 20-bit
        // label gave about 18,000. Up to ten are allowed, so chance never fails the test and a short label always does.
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200_000; i++) labels.Add(ReporterLabel.New());

        Assert.InRange(labels.Count, 199_990, 200_000);
    }

    [Fact]
    public void Every_character_is_used_about_equally_often()
    {
        var counts = new Dictionary<char, int>();
        for (var i = 0; i < 40_000; i++)
        {
            foreach (var c in ReporterLabel.New()[2..].Replace("-", "", StringComparison.Ordinal)) counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 8_500, 11_500)); // 10,000 expected per character; ±15 % is over 10 sigma
    }
}

public class ReporterKeysTests
{
    private readonly ReporterKeys keys = new(Keys.Privacy());

    [Theory]
    [InlineData(ChannelNames.Email, "someone@example.com", "Someone@Example.COM")]
    [InlineData(ChannelNames.Sms, "+15551234567", " +15551234567 ")]
    public void The_same_sender_has_the_same_key_whatever_the_case_or_surrounding_spaces(string channel, string address, string again)
    {
        Assert.Equal(keys.Key(channel, address), keys.Key(channel, again));
    }

    [Fact]
    public void Another_district_s_key_gives_another_reporter_key()
    {
        Assert.NotEqual(keys.Key(ChannelNames.Sms, "+15551234567"), new ReporterKeys(Keys.Privacy(fill: 100)).Key(ChannelNames.Sms, "+15551234567"));
    }

    [Fact]
    public void Another_channel_or_address_gives_another_reporter_key()
    {
        Assert.NotEqual(keys.Key(ChannelNames.Sms, "+15551234567"), keys.Key(ChannelNames.Voice, "+15551234567"));
        Assert.NotEqual(keys.Key(ChannelNames.Sms, "+15551234567"), keys.Key(ChannelNames.Sms, "+15551234568"));
    }
}
