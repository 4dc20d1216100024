using Microsoft.Extensions.Time.Testing;
using TipLine.Teams.Escalation;

namespace TipLine.UnitTests.Escalation;

public sealed class DigestClockTests
{
    private static readonly DigestOptions Chicago = new() { At = new TimeOnly(7, 30), TimeZone = "America/Chicago" };

    [Fact]
    public void A_routine_tip_on_a_friday_afternoon_waits_for_monday_morning_local_time_across_the_spring_change()
    {
        // 2025-03-09 is the spring change in Chicago: Friday is CST (UTC-6), Monday is CDT (UTC-5).
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 7, 16, 0, 0, TimeSpan.FromHours(-6)));

        var digest = DigestClock.Next(clock.GetUtcNow(), Chicago);

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 12, 30, 0, TimeSpan.Zero), digest);
    }

    [Fact]
    public void Before_the_digest_time_on_a_school_day_the_digest_is_that_morning()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 4, 6, 0, 0, TimeSpan.FromHours(-6)));

        Assert.Equal(new DateTimeOffset(2025, 11, 4, 13, 30, 0, TimeSpan.Zero), DigestClock.Next(clock.GetUtcNow(), Chicago));

        clock.Advance(TimeSpan.FromHours(2)); // 08:00, after this morning's digest
        Assert.Equal(new DateTimeOffset(2025, 11, 5, 13, 30, 0, TimeSpan.Zero), DigestClock.Next(clock.GetUtcNow(), Chicago));
    }

    [Fact]
    public void The_digest_after_the_autumn_change_is_at_the_same_local_time()
    {
        // 2025-11-02 (Sunday) ends daylight saving time in Chicago.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 10, 31, 9, 0, 0, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateTimeOffset(2025, 11, 3, 13, 30, 0, TimeSpan.Zero), DigestClock.Next(clock.GetUtcNow(), Chicago));
    }

    [Fact]
    public void A_digest_time_skipped_by_the_spring_change_goes_out_an_hour_later()
    {
        var everyDayAtTwoThirty = new DigestOptions { At = new TimeOnly(2, 30), TimeZone = "America/Chicago", SchoolDays = "Sunday" };
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 8, 12, 0, 0, TimeSpan.FromHours(-6)));

        // 02:30 does not exist on 2025-03-09 in Chicago; 03:30 CDT is 08:30 UTC.
        Assert.Equal(new DateTimeOffset(2025, 3, 9, 8, 30, 0, TimeSpan.Zero), DigestClock.Next(clock.GetUtcNow(), everyDayAtTwoThirty));
    }
}
