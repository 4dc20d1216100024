namespace TipLine.Teams.Audit;

public static class AuditActions
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
}

/// <summary>Appends to the audit log in the caller's unit of work; a trigger forbids changing past entries.</summary>
public sealed class AuditLog(TeamsDbContext db, TimeProvider clock)
{
    public void Record(Guid actorId, string action, Guid? caseId, bool allowed) =>
        db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow(), ActorId = actorId, Action = action, CaseId = caseId, Allowed = allowed });

    /// <summary>PostgreSQL refuses UPDATE and DELETE on audit entries, whoever asks.</summary>
    public const string AppendOnlySql = """
        CREATE OR REPLACE FUNCTION teams.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$;
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON teams.audit_entries
        FOR EACH ROW EXECUTE FUNCTION teams.audit_is_append_only();
        """;
}
