namespace TipLine.Teams.Escalation;

/// <summary>When the next routine digest goes out: the next school day's morning, in the district's time zone.</summary>
internal static class DigestClock
{
    public static DateTimeOffset Next(DateTimeOffset now, DigestOptions options)
    {
        var zone = options.TimeZoneInfo() ?? TimeZoneInfo.Utc;
        var days = options.Days() ?? new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var day = today; ; day = day.AddDays(1))
        {
            if (!days.Contains(day.DayOfWeek)) continue;
            var at = ToUtc(day.ToDateTime(options.At), zone);
            if (at > now) return at;
        }
    }

    /// <summary>A local time skipped by a daylight-saving change means the same time an hour later.</summary>
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
