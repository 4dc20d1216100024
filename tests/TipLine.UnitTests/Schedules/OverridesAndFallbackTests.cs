using Microsoft.Extensions.Time.Testing;
using TipLine.Directory.Schedules;
using static TipLine.UnitTests.Schedules.ScheduleFixtures;

namespace TipLine.UnitTests.Schedules;

/// <summary>Overrides over the rotation, overlapping overrides, and the district's 24/7 fallback.</summary>
public class OverridesAndFallbackTests
{
    private static (string Who, ShiftSource? Source) OnCall(OnCallSchedule team, OnCallSchedule? fallback, TimeProvider clock) =>
        ScheduleResolver.OnCallAt(team, fallback, clock.GetUtcNow()) is { } shift ? (Name(shift.MemberId), shift.Source) : ("nobody", null);

    [Fact]
    public void An_override_wins_over_the_rotation_only_while_it_lasts()
    {
        // 8 March is Blake's turn; Drew covers 10:00–16:00 CST for a doctor's appointment.
        var schedule = Daily(covers: CoverBy(Drew, "2025-03-08T16:00:00", "2025-03-08T22:00:00", "2025-03-01T00:00:00"));
        var clock = new FakeTimeProvider(Utc("2025-03-08T15:59:00"));

        Assert.Equal(("Blake", ShiftSource.Rotation), OnCall(schedule, null, clock));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(("Drew", ShiftSource.Override), OnCall(schedule, null, clock));
        clock.SetUtcNow(Utc("2025-03-08T21:59:59"));
        Assert.Equal(("Drew", ShiftSource.Override), OnCall(schedule, null, clock));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(("Blake", ShiftSource.Rotation), OnCall(schedule, null, clock));
    }

    [Fact]
    public void An_override_across_a_handoff_and_the_DST_change_covers_both_turns()
    {
        // Leave from Sat 12:00 CST to Mon 12:00 CDT: Blake's and Casey's turns, and the lost hour, all Drew's.
        var schedule = Daily(covers: CoverBy(Drew, "2025-03-08T18:00:00", "2025-03-10T17:00:00", "2025-03-01T00:00:00"));

        var shifts = ScheduleResolver.Shifts(schedule, null, Utc("2025-03-08T14:00:00"), Utc("2025-03-11T13:00:00"));

        Assert.Equal(
            [("Blake", "2025-03-08T14:00:00"), ("Drew", "2025-03-08T18:00:00"), ("Avery", "2025-03-10T17:00:00")],
            shifts.Select(s => (Name(s.MemberId), s.From.UtcDateTime.ToString("s"))));
        Assert.Equal(Utc("2025-03-10T17:00:00"), shifts[1].To);
    }

    [Fact]
    public void Where_overrides_overlap_the_one_created_last_wins_and_the_earlier_one_resumes_after_it()
    {
        // Drew covers all Saturday (created first); later Avery is asked to cover Saturday afternoon.
        var schedule = Daily(covers:
        [
            CoverBy(Drew, "2025-03-08T14:00:00", "2025-03-09T06:00:00", "2025-03-01T09:00:00"),
            CoverBy(Avery, "2025-03-08T19:00:00", "2025-03-08T23:00:00", "2025-03-05T09:00:00"),
        ]);
        var clock = new FakeTimeProvider(Utc("2025-03-08T18:00:00"));

        Assert.Equal(("Drew", ShiftSource.Override), OnCall(schedule, null, clock));
        clock.SetUtcNow(Utc("2025-03-08T20:00:00"));
        Assert.Equal(("Avery", ShiftSource.Override), OnCall(schedule, null, clock));
        clock.SetUtcNow(Utc("2025-03-08T23:00:00"));
        Assert.Equal(("Drew", ShiftSource.Override), OnCall(schedule, null, clock));
        clock.SetUtcNow(Utc("2025-03-09T06:00:00"));
        Assert.Equal(("Blake", ShiftSource.Rotation), OnCall(schedule, null, clock));
    }

    [Fact]
    public void Overlap_is_decided_by_creation_not_by_start()
    {
        // The later-created override starts earlier and contains the other: it wins throughout.
        var schedule = Daily(covers:
        [
            CoverBy(Drew, "2025-03-08T19:00:00", "2025-03-08T20:00:00", "2025-03-01T09:00:00"),
            CoverBy(Avery, "2025-03-08T18:00:00", "2025-03-08T22:00:00", "2025-03-02T09:00:00"),
        ]);

        Assert.Equal(("Avery", ShiftSource.Override), OnCall(schedule, null, new FakeTimeProvider(Utc("2025-03-08T19:30:00"))));
    }

    [Fact]
    public void Next_is_the_start_of_a_coming_override()
    {
        var schedule = Daily(covers: CoverBy(Drew, "2025-03-08T16:00:00", "2025-03-08T22:00:00", "2025-03-01T00:00:00"));

        var next = ScheduleResolver.NextAfter(schedule, null, Utc("2025-03-08T15:00:00"))!;

        Assert.Equal(("Drew", ShiftSource.Override, Utc("2025-03-08T16:00:00")), (Name(next.MemberId), next.Source, next.From));
    }

    [Fact]
    public void Next_skips_the_same_member_continuing_under_an_override()
    {
        // Blake's turn runs into an override for Blake: the next person is Casey, after the override.
        var schedule = Daily(covers: CoverBy(Blake, "2025-03-09T13:00:00", "2025-03-09T15:00:00", "2025-03-01T00:00:00"));

        var next = ScheduleResolver.NextAfter(schedule, null, Utc("2025-03-08T20:00:00"))!;

        Assert.Equal(("Casey", Utc("2025-03-09T15:00:00")), (Name(next.MemberId), next.From));
    }

    [Fact]
    public void A_team_with_an_empty_rotation_is_covered_by_the_district_fallback()
    {
        // The district's Fallon and Frankie hand off daily at 07:00 Chicago time.
        var clock = new FakeTimeProvider(Utc("2025-03-08T12:00:00"));   // Sat 06:00 CST: turn of 7 March = Fallon (turn 6)

        Assert.Equal(("Fallon", ShiftSource.Fallback), OnCall(Empty(), District(), clock));
        clock.SetUtcNow(Utc("2025-03-08T13:00:00"));                      // Sat 07:00 CST
        Assert.Equal(("Frankie", ShiftSource.Fallback), OnCall(Empty(), District(), clock));
        var next = ScheduleResolver.NextAfter(Empty(), District(), clock.GetUtcNow())!;
        Assert.Equal(("Fallon", Utc("2025-03-09T12:00:00")), (Name(next.MemberId), next.From));   // Sun 07:00 CDT
    }

    [Fact]
    public void A_team_without_any_rotation_is_covered_by_the_fallback_and_its_overrides_still_win()
    {
        var team = OnCallSchedule.Nobody with { Covers = [CoverBy(Drew, "2025-03-08T16:00:00", "2025-03-08T22:00:00", "2025-03-01T00:00:00")] };
        var clock = new FakeTimeProvider(Utc("2025-03-08T15:00:00"));

        Assert.Equal(("Frankie", ShiftSource.Fallback), OnCall(team, District(), clock));
        clock.SetUtcNow(Utc("2025-03-08T17:00:00"));
        Assert.Equal(("Drew", ShiftSource.Override), OnCall(team, District(), clock));
        clock.SetUtcNow(Utc("2025-03-08T22:00:00"));
        Assert.Equal(("Frankie", ShiftSource.Fallback), OnCall(team, District(), clock));
    }

    [Fact]
    public void The_fallback_never_replaces_a_team_member_who_is_on_call()
    {
        var shifts = ScheduleResolver.Shifts(Daily(), District(), Utc("2025-03-06T14:00:00"), Utc("2025-03-13T13:00:00"));

        Assert.DoesNotContain(shifts, s => s.Source == ShiftSource.Fallback);
    }

    [Fact]
    public void With_no_schedule_and_no_fallback_nobody_is_on_call_and_nobody_is_next()
    {
        var at = Utc("2025-03-08T15:00:00");

        Assert.Null(ScheduleResolver.OnCallAt(OnCallSchedule.Nobody, null, at));
        Assert.Null(ScheduleResolver.NextAfter(OnCallSchedule.Nobody, null, at));
        Assert.Null(ScheduleResolver.OnCallAt(Empty(), OnCallSchedule.Nobody, at));
    }

    [Fact]
    public void A_rotation_of_one_has_no_next_and_is_on_call_through_the_horizon()
    {
        var alone = new OnCallSchedule(new RotationPlan([Avery], HandoffInterval.Daily, new TimeOnly(8, 0), Chicago, new DateOnly(2025, 3, 1)), []);
        var at = Utc("2025-03-08T15:00:00");

        var now = ScheduleResolver.OnCallAt(alone, District(), at)!;

        Assert.Equal(("Avery", at + ScheduleResolver.Horizon), (Name(now.MemberId), now.To));
        Assert.Null(ScheduleResolver.NextAfter(alone, District(), at));
    }

    [Fact]
    public void Shifts_for_a_calendar_list_each_turn_with_fallback_where_the_team_has_a_gap()
    {
        // A team whose rotation is empty for now: the district covers all of Sunday (00:00 CST to Monday 00:00 CDT).
        var team = new OnCallSchedule(new RotationPlan([Avery], HandoffInterval.Daily, new TimeOnly(8, 0), Chicago, new DateOnly(2025, 3, 1)), []);
        var withGap = team with { Rotation = team.Rotation! with { MemberIds = [] } };

        var shifts = ScheduleResolver.Shifts(withGap, District(), Utc("2025-03-09T06:00:00"), Utc("2025-03-10T05:00:00"));

        Assert.Equal(
            [("Frankie", "2025-03-09T06:00:00"), ("Fallon", "2025-03-09T12:00:00")],
            shifts.Select(s => (Name(s.MemberId), s.From.UtcDateTime.ToString("s"))));
        Assert.All(shifts, s => Assert.Equal(ShiftSource.Fallback, s.Source));
        Assert.Equal(Utc("2025-03-10T05:00:00"), shifts[^1].To);
    }
}
