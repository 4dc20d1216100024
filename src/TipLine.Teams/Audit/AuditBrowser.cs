using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using TipLine.Directory;

using TipLine.Teams.District;

namespace TipLine.Teams.Audit;

/// <summary>What a district administrator asks of the audit log. Dates are whole UTC days, both ends included.</summary>
internal sealed record AuditFilter(
    string? Who = null, string? Action = null, Guid? TeamId = null, Guid? CaseId = null,
    DateOnly? From = null, DateOnly? To = null, bool? Allowed = null, long? Before = null);

internal sealed record AuditRow(
    long Id, DateTimeOffset At, string Who, string Action, string? Team, Guid? CaseId, bool Allowed, string? Detail, string Hash);

/// <summary>Reads the audit log for district administrators: newest first, filtered, a page at a time, or all of it as CSV.</summary>
internal sealed class AuditBrowser(TeamsDbContext db, SchoolDirectory directory)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<AuditRow>> PageAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = Filtered(filter);
        if (filter.Before is { } before) query = query.Where(e => e.Id < before);
        return await ToRowsAsync(await query.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(ct), ct);
    }

    /// <summary>Every matching entry, oldest first, as CSV (RFC 4180), streamed a thousand entries at a time.</summary>
    public async Task WriteCsvAsync(AuditFilter filter, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true);
        await using var csv = CsvTable.Writer(writer);
        csv.WriteHeader<AuditRow>();
        await csv.NextRecordAsync();
        long after = 0;
        while (true)
        {
            var batch = await Filtered(filter).Where(e => e.Id > after).OrderBy(e => e.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) break;
            await csv.WriteRecordsAsync(await ToRowsAsync(batch, ct), ct);
            after = batch[^1].Id;
        }
        await csv.FlushAsync();  // CsvHelper's flush takes no token
    }

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Who))
        {
            var who = filter.Who.Trim().ToUpperInvariant();
            var actors = db.Users.Where(u => u.NormalizedEmail == who || EF.Functions.ILike(u.DisplayName, "%" + filter.Who.Trim() + "%")).Select(u => u.Id);
            query = query.Where(e => actors.Contains(e.ActorId));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(e => e.Action == filter.Action);
        if (filter.TeamId is { } team) query = query.Where(e => e.TeamId == team);
        if (filter.CaseId is { } caseId) query = query.Where(e => e.CaseId == caseId);
        if (filter.From is { } from) query = query.Where(e => e.At >= new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (filter.To is { } to) query = query.Where(e => e.At < new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (filter.Allowed is { } allowed) query = query.Where(e => e.Allowed == allowed);
        return query;
    }

    private async Task<IReadOnlyList<AuditRow>> ToRowsAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var actorIds = entries.Select(e => e.ActorId).Distinct().ToList();
        var actors = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} <{u.Email}>", ct);
        var teams = await directory.TeamNamesAsync(ct);
        return entries.Select(e => new AuditRow(
            e.Id, e.At, e.ActorId == Guid.Empty ? "(no such account)" : actors.GetValueOrDefault(e.ActorId, e.ActorId.ToString()),
            e.Action, e.TeamId is { } t ? teams.GetValueOrDefault(t, t.ToString()) : null, e.CaseId, e.Allowed, e.Detail,
            e.Hash is null ? "" : Convert.ToHexStringLower(e.Hash))).ToList();
    }
}
