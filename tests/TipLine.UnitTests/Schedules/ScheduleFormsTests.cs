using TipLine.Directory;
using TipLine.Directory.Schedules;
using TipLine.Teams.OnCall;
using static TipLine.UnitTests.Schedules.ScheduleFixtures;

namespace TipLine.UnitTests.Schedules;

public class ScheduleFormsTests
{
    [Fact]
    public void Numbered_members_form_the_rotation_in_number_order_and_blanks_are_left_out()
    {
        var (input, errors) = ScheduleForms.Rotation(
            new Dictionary<Guid, string?> { [Avery] = "2", [Blake] = "", [Casey] = "1", [Drew] = null },
            "Weekly", "07:30", " America/Denver ", "2025-08-18");

        Assert.Empty(errors);
        Assert.Equal([Casey, Avery], input!.MemberIds);
        Assert.Equal((HandoffInterval.Weekly, new TimeOnly(7, 30), "America/Denver", new DateOnly(2025, 8, 18)),
            (input.Interval, input.HandoffTime, input.TimeZone, input.StartDate));
    }

    [Fact]
    public void Unreadable_fields_each_get_a_message()
    {
        var (input, errors) = ScheduleForms.Rotation(
            new Dictionary<Guid, string?> { [Avery] = "1", [Blake] = "1", [Casey] = "first" }, "Monthly", "8am", "", "18/08/2025");

        Assert.Null(input);
        Assert.Equal(6, errors.Count);
        Assert.Contains("Two members cannot have the same position.", errors);
    }

    [Fact]
    public void An_override_period_is_read_in_the_viewers_time_zone_with_the_same_daylight_saving_rules()
    {
        var (from, to, errors) = ScheduleForms.Period("2025-03-09T02:30", "2025-11-02T01:30", Chicago);

        Assert.Empty(errors);
        Assert.Equal(Utc("2025-03-09T08:00:00"), from);   // skipped: when the clocks jump
        Assert.Equal(Utc("2025-11-02T06:30:00"), to);     // repeated: the first 01:30
    }

    [Fact]
    public void District_administrators_edit_every_team_a_team_administrator_only_their_own_and_other_members_none()
    {
        var lincoln = Guid.NewGuid();
        var north = Guid.NewGuid();
        TeamMember On(Guid team, TeamRole role) => new() { Id = Guid.NewGuid(), TeamId = team, DisplayName = "x", Role = role };

        var districtAdmin = new ScheduleViewer(Guid.NewGuid(), null, IsDistrictAdmin: true);
        var northAdministrator = new ScheduleViewer(Guid.NewGuid(), On(north, TeamRole.Administrator), false);
        var northCounselor = new ScheduleViewer(Guid.NewGuid(), On(north, TeamRole.MentalHealthProfessional), false);

        Assert.True(districtAdmin.CanEdit(lincoln) && districtAdmin.CanView(lincoln));
        Assert.True(northAdministrator.CanEdit(north));
        Assert.False(northAdministrator.CanEdit(lincoln) || northAdministrator.CanView(lincoln));
        Assert.False(northCounselor.CanEdit(north));
        Assert.True(northCounselor.CanView(north));
    }
}
