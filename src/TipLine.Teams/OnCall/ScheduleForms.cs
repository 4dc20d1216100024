using System.Globalization;
using TipLine.Directory.Schedules;

namespace TipLine.Teams.OnCall;

/// <summary>Reads the on-call page's form fields into schedule changes, with messages for what cannot be read.</summary>
internal static class ScheduleForms
{
    /// <summary>Positions are 1, 2, 3…; a member left blank is not in the rotation.</summary>
    public static (RotationInput? Input, IReadOnlyList<string> Errors) Rotation(IReadOnlyDictionary<Guid, string?> positions,
        string? interval, string? handoffTime, string? timeZone, string? startDate)
    {
        var errors = new List<string>();
        var placed = new List<(int Position, Guid Member)>();
        foreach (var (member, text) in positions)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position is >= 1 and <= 100)
            {
                placed.Add((position, member));
            }
            else errors.Add($"\"{text}\" is not a position (1, 2, 3…).");
        }
        if (placed.GroupBy(p => p.Position).Any(g => g.Count() > 1)) errors.Add("Two members cannot have the same position.");
        if (!Enum.TryParse<HandoffInterval>(interval, ignoreCase: true, out var every) || !Enum.IsDefined(every))
        {
            errors.Add("Choose a daily or weekly handoff.");
        }
        if (!TimeOnly.TryParseExact(handoffTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add("Give the handoff time as hours and minutes, e.g. 08:00.");
        }
        if (!DateOnly.TryParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            errors.Add("Give the start date as a date, e.g. 2025-08-18.");
        }
        if (string.IsNullOrWhiteSpace(timeZone)) errors.Add("Give the time zone, e.g. America/Chicago.");
        if (errors.Count > 0) return (null, errors);
        return (new RotationInput(placed.OrderBy(p => p.Position).Select(p => p.Member).ToList(), every, at, timeZone!.Trim(), start), []);
    }

    /// <summary>An override's start and end, written as local times in the viewer's time zone.</summary>
    public static (DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Errors) Period(string? startsAt, string? endsAt, TimeZoneInfo zone)
    {
        var errors = new List<string>();
        var from = LocalInstant(startsAt, zone);
        var to = LocalInstant(endsAt, zone);
        if (from is null) errors.Add("Give when the override starts, e.g. 2025-03-08T08:00.");
        if (to is null) errors.Add("Give when the override ends, e.g. 2025-03-10T08:00.");
        return (from ?? default, to ?? default, errors);
    }

    private static DateTimeOffset? LocalInstant(string? text, TimeZoneInfo zone) =>
        DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? LocalHandoff.ToInstant(local, zone)
            : null;
}
