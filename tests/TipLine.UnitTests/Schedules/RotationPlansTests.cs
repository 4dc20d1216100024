using TipLine.Directory;
using TipLine.Directory.Schedules;
using static TipLine.UnitTests.Schedules.ScheduleFixtures;

namespace TipLine.UnitTests.Schedules;

public class RotationPlansTests
{
    private static TeamMember Member(Guid id, string zone = "America/Chicago") =>
        new() { Id = id, DisplayName = Name(id), TimeZone = zone };

    [Fact]
    public void A_team_with_no_rotation_set_takes_weekly_turns_in_listed_order_from_monday_8am_in_the_first_members_zone()
    {
        var plan = RotationPlans.PlanFor(null, [Member(Blake, "America/Denver"), Member(Avery)])!;

        Assert.Equal([Blake, Avery], plan.MemberIds);
        Assert.Equal((HandoffInterval.Weekly, new TimeOnly(8, 0), "America/Denver", DayOfWeek.Monday),
            (plan.Interval, plan.HandoffTime, plan.Zone.Id, plan.StartDate.DayOfWeek));
        // Mon 10 March 2025, 08:00 MDT = 14:00 UTC; then Mon 17 March.
        var schedule = new OnCallSchedule(plan, []);
        Assert.Equal(Utc("2025-03-10T14:00:00"), ScheduleResolver.NextAfter(schedule, null, Utc("2025-03-10T13:59:00"))!.From);
        Assert.Equal(Utc("2025-03-17T14:00:00"), ScheduleResolver.OnCallAt(schedule, null, Utc("2025-03-12T00:00:00"))!.To);
    }

    [Fact]
    public void A_team_with_no_members_has_no_rotation()
    {
        Assert.Null(RotationPlans.PlanFor(null, []));
    }

    [Fact]
    public void Someone_who_left_the_team_no_longer_takes_a_turn()
    {
        var rotation = new Rotation
        {
            TeamId = Guid.NewGuid(), MemberIds = [Avery, Drew, Casey], Interval = HandoffInterval.Daily,
            HandoffTime = new TimeOnly(8, 0), TimeZone = "America/Chicago", StartDate = new DateOnly(2025, 3, 1),
        };

        var plan = RotationPlans.PlanFor(rotation, [Member(Avery), Member(Casey)])!;

        Assert.Equal([Avery, Casey], plan.MemberIds);
    }

    [Fact]
    public void An_unknown_time_zone_reads_as_UTC_rather_than_stopping_routing()
    {
        Assert.Equal(TimeZoneInfo.Utc, RotationPlans.Zone("Mars/Olympus_Mons"));
    }
}
