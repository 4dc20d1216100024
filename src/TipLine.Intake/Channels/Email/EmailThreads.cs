namespace TipLine.Intake.Channels.Email;

internal static class EmailThreads
{
    /// <summary>The longest References header we build; the oldest ids after the first are dropped beyond it (RFC 5322 allows that).</summary>
    private const int MaxReferencesLength = 4000;

    /// <summary>Adds a mail to a thread: its Message-ID to References, its key to the lookup an answer is matched by.</summary>
    public static void Extend(IntakeDbContext db, EmailThread thread, string messageId, string messageKey)
    {
        db.EmailThreadMessages.Add(new EmailThreadMessage { MessageKey = messageKey, ReportId = thread.ReportId });
        thread.References = WithReference(thread.References, messageId);
    }

    /// <summary>References with one more Message-ID at the end, keeping the first and the latest ones within the length limit.</summary>
    public static string WithReference(string references, string messageId)
    {
        if (messageId.Length == 0) return references;
        var ids = references.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append($"<{messageId.Trim('<', '>')}>").ToList();
        while (ids.Count > 2 && string.Join(' ', ids).Length > MaxReferencesLength) ids.RemoveAt(1);
        return string.Join(' ', ids);
    }
}
