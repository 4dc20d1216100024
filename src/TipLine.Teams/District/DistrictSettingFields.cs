using System.Globalization;
using TipLine.Contracts;

namespace TipLine.Teams.District;

internal enum SettingKind { Duration, Urgency, TimeZone, SchoolDays, TimeOfDay, RetentionDays }

/// <summary>
/// One setting a district administrator may change: the configuration key it overrides, how it is written, and the value
/// in force when neither configuration nor the page set it (the options class's own default; a unit test keeps them equal).
/// </summary>
internal sealed record SettingField(string Key, string Label, string Help, SettingKind Kind, string Default);

/// <summary>
/// The district settings an administrator changes in TipLine, each checked (and written in one form) before it is saved,
/// with the same limits the options check at start, so a saved value can never stop TipLine from starting.
/// </summary>
internal static class DistrictSettingFields
{
    public static readonly IReadOnlyList<SettingField> All =
    [
        new("Escalation:Routine:TimeZone", "The district's time zone", "An IANA name, e.g. America/Chicago.", SettingKind.TimeZone, "UTC"),
        new("Escalation:Routine:SchoolDays", "School days", "Routine tips go to the team in a digest on these days, e.g. Monday,Tuesday,Wednesday,Thursday,Friday.", SettingKind.SchoolDays, "Monday,Tuesday,Wednesday,Thursday,Friday"),
        new("Escalation:Routine:At", "Digest time", "In the district's time zone, e.g. 07:30.", SettingKind.TimeOfDay, "07:30"),
        new("Escalation:Imminent:EscalateAfter", "Imminent tips: alert the next level after", "Without acknowledgement; hh:mm:ss.", SettingKind.Duration, "00:05:00"),
        new("Escalation:Imminent:RepeatEvery", "Imminent tips: then alert again every", "hh:mm:ss.", SettingKind.Duration, "00:05:00"),
        new("Escalation:High:EscalateAfter", "High tips: alert the next level after", "Without acknowledgement; hh:mm:ss.", SettingKind.Duration, "00:15:00"),
        new("Escalation:High:RepeatEvery", "High tips: then alert again every", "hh:mm:ss.", SettingKind.Duration, "00:15:00"),
        new("Escalation:LawEnforcementAt", "Alert the law-enforcement liaison from", "Imminent or High (Routine: every tip).", SettingKind.Urgency, "Imminent"),
        new("Privacy:ContactRetentionDays", "Keep what could lead to a reporter for (days)", "Sealed contacts, caller IDs, provider ids; 1 to 3650. The tip and the case stay.", SettingKind.RetentionDays, "90"),
    ];

    private static readonly TimeSpan ShortestStep = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestStep = TimeSpan.FromDays(7);

    /// <summary>The value as it is saved, or the reason it cannot be.</summary>
    public static (string? Value, string? Error) Check(SettingField field, string? typed)
    {
        var text = (typed ?? "").Trim();
        switch (field.Kind)
        {
            case SettingKind.Duration:
                return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= ShortestStep && span <= LongestStep
                    ? (span.ToString("c", CultureInfo.InvariantCulture), null)
                    : (null, $"{field.Label}: a time from 00:01:00 to 7.00:00:00, not \"{text}\".");
            case SettingKind.Urgency:
                return Enum.TryParse<SuggestedUrgency>(text, ignoreCase: true, out var urgency) && Enum.IsDefined(urgency) && !int.TryParse(text, out _)
                    ? (urgency.ToString(), null)
                    : (null, $"{field.Label}: Imminent, High or Routine, not \"{text}\".");
            case SettingKind.TimeZone:
                return TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone)
                    ? (zone.Id, null)
                    : (null, $"{field.Label}: \"{text}\" is not a time zone this server knows.");
            case SettingKind.SchoolDays:
                var days = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var parsed = days.Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) && !int.TryParse(d, out _) ? day : (DayOfWeek?)null).ToList();
                return days.Length > 0 && parsed.All(d => d is not null)
                    ? (string.Join(",", parsed.Distinct().Order().Select(d => d.ToString())), null)
                    : (null, $"{field.Label}: days of the week separated by commas, not \"{text}\".");
            case SettingKind.TimeOfDay:
                return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                    ? (time.ToString("HH:mm", CultureInfo.InvariantCulture), null)
                    : (null, $"{field.Label}: a time of day such as 07:30, not \"{text}\".");
            default:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var retention) && retention is >= 1 and <= 3650
                    ? (retention.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"{field.Label}: a whole number of days from 1 to 3650, not \"{text}\".");
        }
    }
}
