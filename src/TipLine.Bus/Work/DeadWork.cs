// Table and column names come from our own EF model, never from input.
#pragma warning disable EF1002

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TipLine.Contracts;

namespace TipLine.Bus.Work;

/// <summary>
/// The items the queue gave up: counted by kind and error type (what administrators may see, never content), and removed
/// once they are older than the retention period (a parked row may still hold a provider id or a sealed number).
/// </summary>
public static class DeadWork
{
    public static async Task<List<DeadWorkCount>> CountAsync(DbContext db, IEnumerable<QueuedKind> kinds, CancellationToken ct)
    {
        var counts = new List<DeadWorkCount>();
        foreach (var kind in kinds.Where(k => k.Context == db.GetType()))
        {
            var entity = db.Model.FindEntityType(kind.Item)!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string Column(string property) => entity.FindProperty(property)!.GetColumnName(table)!;
            var rows = await db.Database.SqlQueryRaw<Row>($"""
                SELECT coalesce("{Column(nameof(IQueuedItem.LastError))}", '') AS "Error", count(*)::int AS "Count"
                FROM "{table.Schema}"."{table.Name}" WHERE "{Column(nameof(IQueuedItem.DeadAt))}" IS NOT NULL GROUP BY 1
                """).ToListAsync(ct);
            counts.AddRange(rows.Select(r => new DeadWorkCount(kind.Kind, r.Error, r.Count)));
        }
        return counts;
    }

    public static async Task<int> PurgeAsync(DbContext db, IEnumerable<QueuedKind> kinds, DateTimeOffset deadBefore, CancellationToken ct)
    {
        var purged = 0;
        foreach (var kind in kinds.Where(k => k.Context == db.GetType()))
        {
            var entity = db.Model.FindEntityType(kind.Item)!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var deadAt = entity.FindProperty(nameof(IQueuedItem.DeadAt))!.GetColumnName(table)!;
            purged += await db.Database.ExecuteSqlRawAsync(
                $"DELETE FROM \"{table.Schema}\".\"{table.Name}\" WHERE \"{deadAt}\" < {{0}}", [deadBefore], ct);
        }
        return purged;
    }

    private sealed class Row
    {
        public string Error { get; init; } = "";
        public int Count { get; init; }
    }
}
