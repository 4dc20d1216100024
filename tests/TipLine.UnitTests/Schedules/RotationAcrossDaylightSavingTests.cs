using Microsoft.Extensions.Time.Testing;
using TipLine.Directory.Schedules;
using static TipLine.UnitTests.Schedules.ScheduleFixtures;

namespace TipLine.UnitTests.Schedules;

/// <summary>Rotation turns keep their local handoff time through US daylight-saving changes (America/Chicago, 2025).</summary>
public class RotationAcrossDaylightSavingTests
{
    private static string OnCallNow(OnCallSchedule schedule, TimeProvider clock) =>
        Name(ScheduleResolver.OnCallAt(schedule, null, clock.GetUtcNow())?.MemberId);

    [Fact]
    public void A_daily_8am_handoff_stays_at_8am_local_across_spring_forward()
    {
        // From 1 March: Avery, Blake, Casey, Avery... so 7 March Avery, 8 March Blake, 9 March Casey, 10 March Avery.
        var schedule = Daily();
        var clock = new FakeTimeProvider(Utc("2025-03-08T13:59:00"));   // Sat 07:59 CST

        Assert.Equal("Avery", OnCallNow(schedule, clock));
        clock.Advance(TimeSpan.FromMinutes(1));                           // Sat 08:00 CST = 14:00 UTC
        Assert.Equal("Blake", OnCallNow(schedule, clock));
        clock.SetUtcNow(Utc("2025-03-09T12:59:00"));                      // Sun 07:59 CDT: the clocks went forward overnight
        Assert.Equal("Blake", OnCallNow(schedule, clock));
        clock.Advance(TimeSpan.FromMinutes(1));                           // Sun 08:00 CDT = 13:00 UTC, not 14:00
        Assert.Equal("Casey", OnCallNow(schedule, clock));
        clock.SetUtcNow(Utc("2025-03-10T13:00:00"));                      // Mon 08:00 CDT
        Assert.Equal("Avery", OnCallNow(schedule, clock));
    }

    [Fact]
    public void The_turn_across_spring_forward_lasts_23_hours_and_the_one_across_fall_back_25()
    {
        var spring = ScheduleResolver.OnCallAt(Daily(), null, Utc("2025-03-08T14:00:00"))!;
        var fall = ScheduleResolver.OnCallAt(Daily(start: "2025-10-01"), null, Utc("2025-11-01T13:00:00"))!;

        Assert.Equal(Utc("2025-03-09T13:00:00"), spring.To);
        Assert.Equal(TimeSpan.FromHours(23), spring.To - spring.From);
        Assert.Equal(Utc("2025-11-02T14:00:00"), fall.To);               // Sun 08:00 CST
        Assert.Equal(TimeSpan.FromHours(25), fall.To - fall.From);
    }

    [Fact]
    public void A_daily_8am_handoff_stays_at_8am_local_across_fall_back()
    {
        // From 1 October: 31 days to 1 November (turn 31: Blake), 2 November Casey.
        var schedule = Daily(start: "2025-10-01");
        var clock = new FakeTimeProvider(Utc("2025-11-02T13:00:00"));   // Sun 07:00 CST: 08:00 had it still been daylight time

        Assert.Equal("Blake", OnCallNow(schedule, clock));
        clock.SetUtcNow(Utc("2025-11-02T13:59:00"));                      // Sun 07:59 CST, the clocks went back overnight
        Assert.Equal("Blake", OnCallNow(schedule, clock));
        clock.Advance(TimeSpan.FromMinutes(1));                           // Sun 08:00 CST
        Assert.Equal("Casey", OnCallNow(schedule, clock));
    }

    [Fact]
    public void A_handoff_in_the_skipped_hour_happens_when_the_clocks_jump_forward()
    {
        // 02:30 does not exist on 9 March: the handoff is at 03:00 CDT (08:00 UTC), the first local time after it.
        var schedule = Daily(handoff: "02:30");
        var clock = new FakeTimeProvider(Utc("2025-03-08T08:30:00"));   // Sat 02:30 CST

        Assert.Equal("Blake", OnCallNow(schedule, clock));
        clock.SetUtcNow(Utc("2025-03-09T07:59:59"));                      // Sun 01:59:59 CST
        Assert.Equal("Blake", OnCallNow(schedule, clock));
        clock.Advance(TimeSpan.FromSeconds(1));                           // Sun 03:00 CDT
        Assert.Equal("Casey", OnCallNow(schedule, clock));
        clock.SetUtcNow(Utc("2025-03-10T07:30:00"));                      // Mon 02:30 CDT, back to normal
        Assert.Equal("Avery", OnCallNow(schedule, clock));
        Assert.Equal(Utc("2025-03-09T08:00:00"), ScheduleResolver.NextAfter(schedule, null, Utc("2025-03-09T00:00:00"))!.From);
    }

    [Fact]
    public void A_handoff_in_the_repeated_hour_happens_once_at_its_first_occurrence()
    {
        // 01:30 happens twice on 2 November: 06:30 UTC (CDT) and 07:30 UTC (CST). The handoff is at the first.
        var schedule = Daily(handoff: "01:30", start: "2025-10-01");
        var clock = new FakeTimeProvider(Utc("2025-11-02T06:29:00"));

        Assert.Equal("Blake", OnCallNow(schedule, clock));
        clock.Advance(TimeSpan.FromMinutes(1));                           // first 01:30
        Assert.Equal("Casey", OnCallNow(schedule, clock));
        clock.Advance(TimeSpan.FromHours(1));                             // second 01:30: no second handoff
        Assert.Equal("Casey", OnCallNow(schedule, clock));
        var turn = ScheduleResolver.OnCallAt(schedule, null, clock.GetUtcNow())!;
        Assert.Equal(Utc("2025-11-03T07:30:00"), turn.To);               // Mon 01:30 CST: Casey's turn is 25 hours
    }

    [Fact]
    public void A_weekly_monday_handoff_keeps_its_local_time_across_spring_forward()
    {
        // Weekly from Monday 24 February: Avery, then Blake from 3 March, Casey from 10 March.
        var schedule = Weekly("08:00", "2025-02-24");
        var clock = new FakeTimeProvider(Utc("2025-03-03T14:00:00"));   // Mon 08:00 CST

        Assert.Equal("Blake", OnCallNow(schedule, clock));
        clock.SetUtcNow(Utc("2025-03-10T12:59:00"));                      // Mon 07:59 CDT
        Assert.Equal("Blake", OnCallNow(schedule, clock));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Casey", OnCallNow(schedule, clock));
        Assert.Equal(Utc("2025-03-17T13:00:00"), ScheduleResolver.OnCallAt(schedule, null, clock.GetUtcNow())!.To);
    }

    [Fact]
    public void Every_turn_in_a_week_across_the_change_starts_at_8am_local()
    {
        var shifts = ScheduleResolver.Shifts(Daily(), null, Utc("2025-03-06T14:00:00"), Utc("2025-03-13T13:00:00"));

        Assert.Equal(7, shifts.Count);
        Assert.All(shifts, s => Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.From, Chicago).DateTime)));
        Assert.Equal(["Casey", "Avery", "Blake", "Casey", "Avery", "Blake", "Casey"], shifts.Select(s => Name(s.MemberId)));
        Assert.All(shifts, s => Assert.Equal(ShiftSource.Rotation, s.Source));
    }

    [Fact]
    public void The_cycle_runs_backwards_from_the_start_date()
    {
        // The day before the start date is the last member's turn, so a new rotation never leaves a gap.
        Assert.Equal("Casey", Name(ScheduleResolver.OnCallAt(Daily(), null, Utc("2025-02-28T18:00:00"))?.MemberId));
        Assert.Equal("Avery", Name(ScheduleResolver.OnCallAt(Daily(), null, Utc("2025-03-01T14:00:00"))?.MemberId));
        Assert.Equal("Casey", Name(ScheduleResolver.OnCallAt(Daily(), null, Utc("2025-03-01T13:59:00"))?.MemberId));
    }

    [Fact]
    public void Next_names_who_takes_over_and_when_across_the_change()
    {
        var next = ScheduleResolver.NextAfter(Daily(), null, Utc("2025-03-08T20:00:00"))!;

        Assert.Equal("Casey", Name(next.MemberId));
        Assert.Equal(Utc("2025-03-09T13:00:00"), next.From);
    }

    [Fact]
    public void A_handoff_skipped_in_London_happens_when_its_clocks_jump()
    {
        // Europe/London springs forward on 30 March 2025 at 01:00 GMT → 02:00 BST; 01:30 does not exist.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        Assert.Equal(Utc("2025-03-30T01:00:00"), LocalHandoff.ToInstant(new DateOnly(2025, 3, 30), new TimeOnly(1, 30), london));
        Assert.Equal(Utc("2025-03-29T01:30:00"), LocalHandoff.ToInstant(new DateOnly(2025, 3, 29), new TimeOnly(1, 30), london));
        Assert.Equal(Utc("2025-10-26T00:30:00"), LocalHandoff.ToInstant(new DateOnly(2025, 10, 26), new TimeOnly(1, 30), london));
    }
}
