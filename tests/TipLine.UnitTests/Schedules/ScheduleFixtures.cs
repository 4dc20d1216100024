using TipLine.Directory.Schedules;

namespace TipLine.UnitTests.Schedules;

/// <summary>A district in Chicago. US daylight saving 2025: clocks spring forward Sun 9 March 02:00 → 03:00
/// (08:00 UTC), and fall back Sun 2 November 02:00 → 01:00 (07:00 UTC).</summary>
internal static class ScheduleFixtures
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    public static readonly Guid Avery = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Blake = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid Casey = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    public static readonly Guid Drew = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    public static readonly Guid Fallon = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    public static readonly Guid Frankie = Guid.Parse("00000000-0000-0000-0000-0000000000f2");

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso + "Z", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Avery, Blake, Casey in turn; Avery takes the turn that starts on the start date.</summary>
    public static OnCallSchedule Daily(string handoff = "08:00", string start = "2025-03-01", params Cover[] covers) =>
        new(new RotationPlan([Avery, Blake, Casey], HandoffInterval.Daily, TimeOnly.Parse(handoff), Chicago, DateOnly.Parse(start)), covers);

    public static OnCallSchedule Weekly(string handoff, string start, params Cover[] covers) =>
        new(new RotationPlan([Avery, Blake, Casey], HandoffInterval.Weekly, TimeOnly.Parse(handoff), Chicago, DateOnly.Parse(start)), covers);

    public static OnCallSchedule Empty(params Cover[] covers) => new(
        new RotationPlan([], HandoffInterval.Daily, new TimeOnly(8, 0), Chicago, new DateOnly(2025, 1, 1)), covers);

    /// <summary>The district's 24/7 team: Fallon and Frankie, daily at 07:00 Chicago time, Fallon from 1 March.</summary>
    public static OnCallSchedule District() =>
        new(new RotationPlan([Fallon, Frankie], HandoffInterval.Daily, new TimeOnly(7, 0), Chicago, new DateOnly(2025, 3, 1)), []);

    public static Cover CoverBy(Guid member, string from, string to, string created) => new(member, Utc(from), Utc(to), Utc(created));

    public static string Name(Guid? id) =>
        id == Avery ? "Avery" : id == Blake ? "Blake" : id == Casey ? "Casey" : id == Drew ? "Drew"
        : id == Fallon ? "Fallon" : id == Frankie ? "Frankie" : id is null ? "nobody" : id.ToString()!;
}
