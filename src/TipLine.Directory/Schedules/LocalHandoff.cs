namespace TipLine.Directory.Schedules;

/// <summary>
/// Turns a local date and time in a time zone into the instant it names, across daylight-saving
/// changes: a time the clocks skip (02:30 on the spring-forward night) becomes the moment the
/// clocks jump (03:00, the first local time after it that exists); a time that happens twice
/// (01:30 on the fall-back night) is its first occurrence, so nobody's turn waits an extra hour.
/// </summary>
public static class LocalHandoff
{
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(new TimeOnly(time.Hour, time.Minute), DateTimeKind.Unspecified);
        // Real transitions happen on whole minutes and skip at most a few hours.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone) =>
        ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
