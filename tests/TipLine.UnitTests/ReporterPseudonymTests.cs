using TipLine.Contracts;
using TipLine.Intake.Reporters;

namespace TipLine.UnitTests;

public class ReporterPseudonymTests
{
    private readonly ReporterPseudonym pseudonyms = new(Keys.Privacy());

    [Theory]
    [InlineData(ChannelNames.Sms, "+15551234567")]
    [InlineData(ChannelNames.Email, "someone@example.com")]
    [InlineData(ChannelNames.Voice, "+442079460958")]
    public void A_pseudonym_is_R_dash_and_four_Crockford_characters(string channel, string address)
    {
        Assert.Matches("^R-[0-9A-HJKMNP-TV-Z]{4}$", pseudonyms.Derive(channel, address));
    }

    [Theory]
    [InlineData(ChannelNames.Email, "someone@example.com", "Someone@Example.COM")]
    [InlineData(ChannelNames.Email, "someone@example.com", "  someone@example.com\t")]
    [InlineData(ChannelNames.Sms, "+15551234567", " +15551234567 ")]
    public void The_same_reporter_gets_the_same_pseudonym_whatever_the_case_or_surrounding_spaces(string channel, string address, string typedAgain)
    {
        Assert.Equal(pseudonyms.Derive(channel, address), pseudonyms.Derive(channel, typedAgain));
    }

    [Fact]
    public void The_same_reporter_gets_the_same_pseudonym_from_another_instance_with_the_same_key()
    {
        var again = new ReporterPseudonym(Keys.Privacy());

        Assert.Equal(pseudonyms.Derive(ChannelNames.Sms, "+15551234567"), again.Derive(ChannelNames.Sms, "+15551234567"));
    }

    [Fact]
    public void A_different_key_gives_a_different_pseudonym()
    {
        var otherDistrict = new ReporterPseudonym(Keys.Privacy(fill: 100));

        Assert.NotEqual(pseudonyms.Derive(ChannelNames.Sms, "+15551234567"), otherDistrict.Derive(ChannelNames.Sms, "+15551234567"));
    }

    [Fact]
    public void A_different_channel_gives_a_different_pseudonym()
    {
        // Twenty bits of pseudonym: a collision is possible in principle, one chance in a million; the keys are fixed.
        Assert.NotEqual(pseudonyms.Derive(ChannelNames.Sms, "+15551234567"), pseudonyms.Derive(ChannelNames.Voice, "+15551234567"));
    }

    [Fact]
    public void Different_addresses_get_different_pseudonyms()
    {
        Assert.NotEqual(pseudonyms.Derive(ChannelNames.Sms, "+15551234567"), pseudonyms.Derive(ChannelNames.Sms, "+15551234568"));
    }
}
