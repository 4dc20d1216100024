using Microsoft.EntityFrameworkCore;

namespace TipLine.Teams.Audit;

/// <summary>What a check of the audit chain found.</summary>
/// <param name="Entries">Entries checked.</param>
/// <param name="FirstMismatchId">The first entry whose hash or link does not match, if any.</param>
/// <param name="Problem">What does not match, in words; null when the chain is whole.</param>
/// <param name="HeadHash">The newest entry's hash (hex): written down elsewhere, it shows later whether the newest entries were removed.</param>
internal sealed record AuditChainCheck(long Entries, long? FirstMismatchId, string? Problem, string HeadHash)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Checks the chain the database keeps over the audit log. On every insert the trigger teams.audit_chain (see the
/// AuditChain migration) locks the one-row table teams.audit_chain_head, draws the entry's id, sets PreviousHash to the
/// head's hash and Hash to teams.audit_digest(PreviousHash, entry), and moves the head. This check recomputes every
/// digest with the same function, follows the links in id order, and compares the newest entry with the head, so an
/// entry changed or removed with the triggers switched off is named. It cannot catch someone who also rewrites every
/// later hash and the head: compare <see cref="AuditChainCheck.HeadHash"/> with a copy kept outside the database.
/// </summary>
internal sealed class AuditChain(TeamsDbContext db)
{
    private const string FirstMismatchSql = """
        SELECT "Id" AS "Value" FROM (
          SELECT e."Id", e."Hash", e."PreviousHash", teams.audit_digest(e."PreviousHash", e) AS recomputed,
                 coalesce(lag(e."Hash") OVER (ORDER BY e."Id"), teams.audit_genesis()) AS expected_previous
          FROM teams.audit_entries e) c
        WHERE c."Hash" IS DISTINCT FROM c.recomputed OR c."PreviousHash" IS DISTINCT FROM c.expected_previous
        ORDER BY "Id" LIMIT 1
        """;

    public async Task<AuditChainCheck> CheckAsync(CancellationToken ct)
    {
        // One snapshot, so an entry written meanwhile is not taken for a removed one.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var count = await db.AuditEntries.LongCountAsync(ct);
        var newest = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        var headId = await db.Database.SqlQueryRaw<long>("""SELECT last_id AS "Value" FROM teams.audit_chain_head""").SingleAsync(ct);
        var headHash = await db.Database.SqlQueryRaw<byte[]>("""SELECT hash AS "Value" FROM teams.audit_chain_head""").SingleAsync(ct);
        var headHex = Convert.ToHexStringLower(headHash);
        var mismatch = await db.Database.SqlQueryRaw<long>(FirstMismatchSql).ToListAsync(ct);
        if (mismatch.Count > 0)
        {
            return new AuditChainCheck(count, mismatch[0],
                $"Entry {mismatch[0]} does not match: it, or the entry before it, was changed or removed after it was written.", headHex);
        }
        if (headId != (newest?.Id ?? 0) || (newest is not null && !newest.Hash.AsSpan().SequenceEqual(headHash)))
        {
            return new AuditChainCheck(count, newest?.Id,
                $"The newest entry is {newest?.Id.ToString() ?? "missing"} but the chain's head is entry {headId}: entries after it were removed.", headHex);
        }
        return new AuditChainCheck(count, null, null, headHex);
    }
}
