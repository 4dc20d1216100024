using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TipLine.Bus.Database;

/// <summary>
/// What a transaction-scoped advisory lock serializes. The value is the lock's first key, so <c>pg_locks.classid</c>
/// names the kind of lock a session waits for (one query text is shared by all of them).
/// </summary>
public enum AdvisoryLock
{
    /// <summary>One SMS reporter's conversation (by reporter key): held texts, their release.</summary>
    SmsReporter = 1,

    /// <summary>The safety net's sweep of reports that never reached a case (one at a time across processes).</summary>
    UnroutedSweep = 2,

    /// <summary>One school's incident grouping, from the comparison to the opening of a case.</summary>
    IncidentGrouping = 3,

    /// <summary>One report's case: opening it, adding answers and attachments.</summary>
    Report = 4,

    /// <summary>One alert text by its Twilio sid: the send's outcome and an early status callback.</summary>
    AlertSid = 5,

    /// <summary>One alert recipient's coalescing window.</summary>
    AlertRecipient = 6,

    /// <summary>One reporter text (a team question) by its Twilio sid: the send's outcome and an early status callback.</summary>
    ReporterSmsSid = 7,
}

public static class AdvisoryLocks
{
    /// <summary>Waits for, then holds until the transaction ends, the lock of this kind on <paramref name="key"/>.</summary>
    /// <remarks>A 32-bit hash of the key: two keys sharing one only wait for each other, which is safe.</remarks>
    public static Task LockAsync(this DatabaseFacade database, AdvisoryLock kind, string key, CancellationToken ct) =>
        database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({(int)kind}, hashtext({key}))", ct);
}
