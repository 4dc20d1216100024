using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Teams.Alerts;
using TipLine.Teams.Escalation;

namespace TipLine.UnitTests.Escalation;

public sealed class EscalationLadderTests
{
    private static readonly Guid Lincoln = Guid.NewGuid();
    private static readonly TeamMember Admin = Member("Dana", TeamRole.Administrator, Lincoln, "+15550000001", "dana@example.org");
    private static readonly TeamMember Counselor = Member("Sam", TeamRole.MentalHealthProfessional, Lincoln, "+15550000002", "sam@example.org");
    private static readonly TeamMember Officer = Member("Lee", TeamRole.LawEnforcementLiaison, Lincoln, "+15550000003", null);
    private static readonly TeamMember[] Team = [Admin, Counselor, Officer];
    private static readonly TeamMember[] District = [Member("Casey", TeamRole.Administrator, Guid.NewGuid(), "+15550000009", "casey@example.org")];
    private static readonly EscalationOptions Defaults = new();

    [Fact]
    public void An_imminent_tip_alerts_the_member_on_call_the_administrator_and_the_liaison_at_once()
    {
        var first = EscalationLadder.MembersAt(1, SuggestedUrgency.Imminent, Counselor.Id, Team, District, Defaults);

        Assert.Equal([Counselor.Id, Admin.Id, Officer.Id], first.Select(m => m.Id));
    }

    [Fact]
    public void A_high_tip_alerts_only_the_member_on_call_first_and_the_liaison_when_the_district_threshold_is_high()
    {
        Assert.Equal([Counselor.Id], EscalationLadder.MembersAt(1, SuggestedUrgency.High, Counselor.Id, Team, District, Defaults).Select(m => m.Id));

        var lowerThreshold = new EscalationOptions { LawEnforcementAt = SuggestedUrgency.High };
        Assert.Equal([Counselor.Id, Officer.Id],
            EscalationLadder.MembersAt(1, SuggestedUrgency.High, Counselor.Id, Team, District, lowerThreshold).Select(m => m.Id));
    }

    [Fact]
    public void With_nobody_on_call_the_administrator_is_alerted_first()
    {
        Assert.Equal([Admin.Id], EscalationLadder.MembersAt(1, SuggestedUrgency.High, null, Team, District, Defaults).Select(m => m.Id));
    }

    [Fact]
    public void Level_two_is_the_whole_team_and_level_three_and_beyond_the_district_fallback_team()
    {
        Assert.Equal(Team.Select(m => m.Id), EscalationLadder.MembersAt(2, SuggestedUrgency.High, Counselor.Id, Team, District, Defaults).Select(m => m.Id));
        Assert.Equal(District.Select(m => m.Id), EscalationLadder.MembersAt(3, SuggestedUrgency.High, Counselor.Id, Team, District, Defaults).Select(m => m.Id));
        Assert.Equal(District.Select(m => m.Id), EscalationLadder.MembersAt(5, SuggestedUrgency.High, Counselor.Id, Team, District, Defaults).Select(m => m.Id));
        Assert.Equal(Team.Select(m => m.Id), EscalationLadder.MembersAt(3, SuggestedUrgency.High, Counselor.Id, Team, [], Defaults).Select(m => m.Id));
    }

    [Fact]
    public void Imminent_alerts_go_by_sms_and_email_and_others_by_sms_or_whatever_address_the_member_has()
    {
        Assert.Equal([new PlannedAlert(Admin.Id, AlertMethod.Sms), new PlannedAlert(Admin.Id, AlertMethod.Email), new PlannedAlert(Officer.Id, AlertMethod.Sms)],
            EscalationLadder.Plan([Admin, Officer], both: true));
        var noPhone = Member("Pat", TeamRole.MentalHealthProfessional, Lincoln, null, "pat@example.org");
        var nothing = Member("Kim", TeamRole.MentalHealthProfessional, Lincoln, null, null);
        Assert.Equal([new PlannedAlert(Admin.Id, AlertMethod.Sms), new PlannedAlert(noPhone.Id, AlertMethod.Email)],
            EscalationLadder.Plan([Admin, noPhone, nothing], both: false));
    }

    [Fact]
    public void The_next_level_is_due_after_the_escalation_delay_and_the_last_level_repeats_at_the_repeat_interval()
    {
        var policy = new UrgencyPolicy { EscalateAfter = TimeSpan.FromMinutes(5), RepeatEvery = TimeSpan.FromMinutes(20) };
        var now = new DateTimeOffset(2025, 3, 9, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddMinutes(5), EscalationLadder.NextDue(1, now, policy));
        Assert.Equal(now.AddMinutes(5), EscalationLadder.NextDue(2, now, policy));
        Assert.Equal(now.AddMinutes(20), EscalationLadder.NextDue(3, now, policy));
        Assert.Equal(now.AddMinutes(20), EscalationLadder.NextDue(4, now, policy));
    }

    [Fact]
    public void The_defaults_are_the_districts_starting_point()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Defaults.Imminent.EscalateAfter);
        Assert.True(Defaults.Imminent.SmsAndEmail && Defaults.Imminent.AlertAdministrator);
        Assert.Equal(TimeSpan.FromMinutes(15), Defaults.High.EscalateAfter);
        Assert.False(Defaults.High.SmsAndEmail);
    }

    [Fact]
    public void A_tip_nobody_could_translate_goes_first_to_the_on_call_member_when_they_read_its_language()
    {
        var team = Readers(admin: ["vi"], counselor: ["vi"]);

        Assert.Equal("Sam", EscalationLadder.ReaderFor("vi", team[1].Id, team, rotation: null)?.DisplayName);
    }

    [Fact]
    public void Else_to_the_first_member_in_the_rotation_who_reads_it_and_can_be_alerted()
    {
        var team = Readers(admin: ["vi"], counselor: ["es", "VI"], officer: ["vi"]);
        var officerWithoutAddress = team[2];
        officerWithoutAddress.AlertPhone = null;

        Assert.Equal("Sam", EscalationLadder.ReaderFor("vi", null, team, rotation: [team[2].Id, team[1].Id, team[0].Id])?.DisplayName);
        Assert.Equal("Dana", EscalationLadder.ReaderFor("vi", null, team, rotation: null)?.DisplayName);
        Assert.Equal("Dana", EscalationLadder.ReaderFor("vi", officerWithoutAddress.Id, team, rotation: [team[0].Id])?.DisplayName);
    }

    [Fact]
    public void Nobody_reads_it_means_no_reader_and_a_member_outside_the_rotation_is_not_one()
    {
        var team = Readers(admin: [], counselor: ["vi"]);

        Assert.Null(EscalationLadder.ReaderFor("so", null, team, rotation: null));
        Assert.Null(EscalationLadder.ReaderFor("vi", team[0].Id, team, rotation: [team[0].Id, team[2].Id]));
    }

    private static TeamMember[] Readers(string[] admin, string[] counselor, string[]? officer = null) =>
    [
        Member("Dana", TeamRole.Administrator, Lincoln, "+15550000001", null, admin),
        Member("Sam", TeamRole.MentalHealthProfessional, Lincoln, "+15550000002", null, counselor),
        Member("Lee", TeamRole.LawEnforcementLiaison, Lincoln, "+15550000003", null, officer ?? []),
    ];

    private static TeamMember Member(string name, TeamRole role, Guid team, string? phone, string? email, string[]? reads = null) => new()
    {
        Id = Guid.NewGuid(), DisplayName = name, Role = role, TeamId = team, AlertPhone = phone, AlertEmail = email, LanguagesRead = [.. reads ?? []],
    };
}
