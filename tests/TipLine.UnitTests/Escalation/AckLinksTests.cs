using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TipLine.Contracts;
using TipLine.Teams.Alerts;
using TipLine.Teams.Escalation;

namespace TipLine.UnitTests.Escalation;

public sealed class AckLinksTests
{
    private static AckLinks Links(string? key = null) =>
        new(Options.Create(new EscalationOptions { AckLinkKey = key ?? Convert.ToBase64String(new byte[32]) }));

    [Fact]
    public void A_link_names_its_alert_and_expiry_and_fits_in_a_text()
    {
        var attempt = Guid.NewGuid();
        var expires = new DateTimeOffset(2025, 3, 9, 12, 0, 0, TimeSpan.Zero);

        var token = Links().Token(attempt, expires);

        Assert.Equal((attempt, expires), Links().Read(token));
        Assert.Equal(54, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void A_changed_or_foreign_token_is_refused()
    {
        var token = Links().Token(Guid.NewGuid(), DateTimeOffset.UnixEpoch.AddYears(60));
        var flipped = (token[5] == 'A' ? "B" : "A");

        Assert.Null(Links().Read(token[..5] + flipped + token[6..]));
        Assert.Null(Links(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Read(token));
        Assert.Null(Links().Read(token[..^2]));
        Assert.Null(Links().Read("not a token"));
    }

    [Fact]
    public void Escalation_settings_need_a_real_link_key_and_time_zone()
    {
        var options = new EscalationOptions { AckLinkKey = "c2hvcnQ=", Routine = { TimeZone = "Mars/Olympus", SchoolDays = "Funday" } };

        var errors = options.Validate(new ValidationContext(options)).Select(e => e.ErrorMessage).ToList();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e!.StartsWith("AckLinkKey", StringComparison.Ordinal));
    }

    [Fact]
    public void A_digest_counts_tips_and_names_schools_only() =>
        Assert.Equal("TipLine: 3 new routine tips for Lincoln High School, Roosevelt Middle School. Open https://staff.example.org/staff",
            AlertText.For(new Alert("Lincoln High School, Roosevelt Middle School", SuggestedUrgency.Routine, new Uri("https://staff.example.org/staff"), Tips: 3)));
}
