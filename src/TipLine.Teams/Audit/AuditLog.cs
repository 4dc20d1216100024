namespace TipLine.Teams.Audit;

internal static class AuditActions
{
    public const string ViewQueue = "queue.view";
    public const string ViewCase = "case.view";
    public const string Acknowledge = "case.acknowledge";
    public const string AskQuestion = "case.ask";
    public const string ViewAttachment = "attachment.view";
    public const string SaveRotation = "schedule.rotation.save";
    public const string AddOverride = "schedule.override.add";
    public const string RemoveOverride = "schedule.override.remove";
    public const string CreateCalendarFeed = "calendar.feed.create";
    public const string RevokeCalendarFeed = "calendar.feed.revoke";
    public const string ReadCalendarFeed = "calendar.feed.read";
    public const string SaveLanguages = "member.languages.save";
    public const string ViewIncident = "incident.view";
    public const string KeepApart = "incident.keep_apart";
    public const string SurgeModeOn = "surge.mode.on";
    public const string SurgeModeOff = "surge.mode.off";
    public const string Refused = "access.refused";
    public const string SignIn = "staff.sign_in";
    public const string SignInFailed = "staff.sign_in_failed";
    public const string LinkSso = "staff.sso.link";
    public const string SignOut = "staff.sign_out";
    public const string TwoFactorOn = "staff.two_factor.on";
    public const string NewRecoveryCodes = "staff.two_factor.recovery_codes";
    public const string Invite = "staff.invite";
    public const string AcceptInvitation = "staff.invitation.accept";
    public const string RequestPasswordReset = "staff.password_reset.request";
    public const string ResetPassword = "staff.password_reset";
    public const string Deactivate = "staff.deactivate";
    public const string Reactivate = "staff.reactivate";
    public const string ChangeRole = "staff.role.change";
    public const string ViewStaff = "staff.view";
    public const string ExportStaff = "staff.export";
    public const string ImportStaff = "staff.import";
    public const string FirstAdministrator = "district.first_administrator";
    public const string SaveTeam = "district.team.save";
    public const string SaveSchool = "district.school.save";
    public const string ViewDistrict = "district.view";
    public const string ViewSettings = "district.settings.view";
    public const string SaveSettings = "district.settings.save";
    public const string ImportSchools = "district.schools.import";
    public const string SaveNumber = "district.number.save";
    public const string RemoveNumber = "district.number.remove";
    public const string ExportSchools = "district.schools.export";
    public const string ViewAudit = "audit.view";
    public const string ExportAudit = "audit.export";
    public const string CheckAuditChain = "audit.check";

    /// <summary>Every action, for the audit page's filter.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();
}

/// <summary>Appends to the audit log in the caller's unit of work; triggers (see the migrations) forbid changing past entries.</summary>
internal sealed class AuditLog(TeamsDbContext db, TimeProvider clock)
{
    public void Record(Guid actorId, string action, Guid? caseId, bool allowed, Guid? teamId = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorId = actorId, Action = action, TeamId = teamId, CaseId = caseId, Allowed = allowed, Detail = detail,
        });
}
