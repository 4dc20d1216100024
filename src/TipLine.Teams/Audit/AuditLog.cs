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
}

/// <summary>Appends to the audit log in the caller's unit of work; triggers (see the migrations) forbid changing past entries.</summary>
internal sealed class AuditLog(TeamsDbContext db, TimeProvider clock)
{
    public void Record(Guid actorId, string action, Guid? caseId, bool allowed) =>
        db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow(), ActorId = actorId, Action = action, CaseId = caseId, Allowed = allowed });
}
