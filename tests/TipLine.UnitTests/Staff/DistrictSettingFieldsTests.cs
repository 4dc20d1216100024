using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using TipLine.Intake.Reporters;
using TipLine.Teams.District;
using TipLine.Teams.Escalation;
using Xunit;

namespace TipLine.UnitTests.Staff;

public sealed class DistrictSettingFieldsTests
{
    /// <summary>The page offers exactly the keys the configuration source lets a saved row set.</summary>
    [Fact]
    public void The_page_offers_exactly_the_keys_a_saved_setting_may_set()
    {
        Assert.Equal(TipLine.Directory.Settings.DistrictSettingKeys.Allowed.Order(StringComparer.Ordinal),
            DistrictSettingFields.All.Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>Each field's shown default is what the options class binds when nothing is configured.</summary>
    [Fact]
    public void The_defaults_shown_are_the_options_own_defaults()
    {
        var bound = Bind(DistrictSettingFields.All.ToDictionary(f => f.Key, f => (string?)f.Default));
        var defaults = new EscalationOptions();
        Assert.Equal(defaults.Routine.TimeZone, bound.Escalation.Routine.TimeZone);
        Assert.Equal(defaults.Routine.SchoolDays, bound.Escalation.Routine.SchoolDays);
        Assert.Equal(defaults.Routine.At, bound.Escalation.Routine.At);
        Assert.Equal(defaults.Imminent.EscalateAfter, bound.Escalation.Imminent.EscalateAfter);
        Assert.Equal(defaults.Imminent.RepeatEvery, bound.Escalation.Imminent.RepeatEvery);
        Assert.Equal(defaults.High.EscalateAfter, bound.Escalation.High.EscalateAfter);
        Assert.Equal(defaults.High.RepeatEvery, bound.Escalation.High.RepeatEvery);
        Assert.Equal(defaults.LawEnforcementAt, bound.Escalation.LawEnforcementAt);
        Assert.Equal(new PrivacyOptions().ContactRetentionDays, bound.Privacy.ContactRetentionDays);
    }

    /// <summary>Whatever the page accepts binds and passes the checks the options run at start.</summary>
    [Theory]
    [InlineData("Escalation:Routine:TimeZone", "America/Chicago", "America/Chicago")]
    [InlineData("Escalation:Routine:TimeZone", "Mars/Olympus", null)]
    [InlineData("Escalation:Routine:SchoolDays", " friday, Monday ,monday", "Monday,Friday")]
    [InlineData("Escalation:Routine:SchoolDays", "Monday,Funday", null)]
    [InlineData("Escalation:Routine:SchoolDays", "1,2", null)]
    [InlineData("Escalation:Routine:At", "6:45", "06:45")]
    [InlineData("Escalation:Routine:At", "25:00", null)]
    [InlineData("Escalation:High:EscalateAfter", "00:07:00", "00:07:00")]
    [InlineData("Escalation:High:EscalateAfter", "0", null)]
    [InlineData("Escalation:High:RepeatEvery", "8.00:00:00", null)]
    [InlineData("Escalation:LawEnforcementAt", "high", "High")]
    [InlineData("Escalation:LawEnforcementAt", "7", null)]
    [InlineData("Privacy:ContactRetentionDays", "30", "30")]
    [InlineData("Privacy:ContactRetentionDays", "0", null)]
    [InlineData("Privacy:ContactRetentionDays", "-5", null)]
    public void A_value_is_saved_in_one_form_or_refused_with_a_reason(string key, string typed, string? saved)
    {
        var field = DistrictSettingFields.All.Single(f => f.Key == key);
        var (value, error) = DistrictSettingFields.Check(field, typed);
        Assert.Equal(saved, value);
        Assert.Equal(saved is null, error is not null);
        if (value is null) return;
        var settings = DistrictSettingFields.All.ToDictionary(f => f.Key, f => (string?)f.Default);
        settings[key] = value;
        var bound = Bind(settings);
        // The acknowledgement link key and the sealing keys are not district settings: every other check passes.
        Assert.DoesNotContain(((IValidatableObject)bound.Escalation).Validate(new ValidationContext(bound.Escalation)),
            r => !r.MemberNames.Contains(nameof(EscalationOptions.AckLinkKey)));
        Assert.True(Validator.TryValidateProperty(bound.Privacy.ContactRetentionDays,
            new ValidationContext(bound.Privacy) { MemberName = nameof(PrivacyOptions.ContactRetentionDays) }, []));
    }

    private static (EscalationOptions Escalation, PrivacyOptions Privacy) Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var escalation = new EscalationOptions();
        configuration.GetSection(EscalationOptions.Section).Bind(escalation);
        var privacy = new PrivacyOptions();
        configuration.GetSection("Privacy").Bind(privacy);
        return (escalation, privacy);
    }
}
