// Table and column names in the claim come from our own EF model, never from input.
#pragma warning disable EF1002

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace TipLine.Bus.Work;

/// <summary>A claimed item; <see cref="Exhausted"/> when its claims so far all ran out their lease (the worker kept dying on it).</summary>
public sealed record Claim<TItem>(TItem Item, bool Exhausted);

/// <summary>
/// Queued work kept in one table of a module's schema. An item is claimed with FOR UPDATE SKIP LOCKED for a lease (so
/// several processes never take the same one, and a process that dies only delays it), retried with backoff and jitter,
/// and parked as dead at its kind's poison limit. One per scope, on the scope's context.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a queue: the one the README names.")]
public sealed class WorkQueue<TContext, TItem>(TContext db, IOptionsMonitor<WorkOptions> options, TimeProvider clock)
    where TContext : DbContext where TItem : class, IQueuedItem
{
    public async Task<Claim<TItem>?> ClaimAsync(string kind, string? filter, CancellationToken ct)
    {
        var settings = options.Get(kind);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Set<TItem>().FromSqlRaw(ClaimSql(filter), now).ToListAsync(ct);
        if (due.Count == 0) return null;
        var item = due[0];
        item.Attempts++;
        item.NextAttemptAt = now + settings.Lease;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Claim<TItem>(item, item.Attempts > settings.MaxAttempts);
    }

    /// <summary>A failed attempt: due again after the backoff.</summary>
    public Task RetryLaterAsync(string kind, TItem item, string error) => UpdateAsync(item, i =>
    {
        i.NextAttemptAt = clock.GetUtcNow() + RetryDelay.After(i.Attempts, options.Get(kind), Random.Shared.NextDouble());
        i.LastError = error;
    });

    /// <summary>Given up: never claimed again, counted for administrators by kind and error type.</summary>
    public Task ParkAsync(TItem item, string error) => UpdateAsync(item, i =>
    {
        i.DeadAt = clock.GetUtcNow();
        i.LastError = error;
    });

    /// <summary>Shutting down mid-attempt: due again at once, and this attempt does not count.</summary>
    public Task HandBackAsync(TItem item) => UpdateAsync(item, i =>
    {
        i.Attempts--;
        i.NextAttemptAt = clock.GetUtcNow();
    });

    /// <summary>Writes the queue's columns of an item the handler may have left detached, or already removed.</summary>
    private async Task UpdateAsync(TItem item, Action<TItem> change)
    {
        db.ChangeTracker.Clear();
        var entry = db.Attach(item);
        change(item);
        // Written whether or not they differ from what the object held when attached (a handler may have set them already).
        foreach (var column in QueueColumns) entry.Property(column).IsModified = true;
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The handler finished the item (and removed it) before it failed: nothing is left to update.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static readonly string[] QueueColumns =
        [nameof(IQueuedItem.Attempts), nameof(IQueuedItem.NextAttemptAt), nameof(IQueuedItem.LastError), nameof(IQueuedItem.DeadAt)];

    private string ClaimSql(string? filter)
    {
        var entity = db.Model.FindEntityType(typeof(TItem)) ?? throw new InvalidOperationException($"{typeof(TItem).Name} is not in {typeof(TContext).Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => entity.FindProperty(property)!.GetColumnName(table)!;
        var next = Column(nameof(IQueuedItem.NextAttemptAt));
        return $"SELECT * FROM \"{table.Schema}\".\"{table.Name}\" WHERE \"{next}\" <= {{0}} AND \"{Column(nameof(IQueuedItem.DeadAt))}\" IS NULL"
            + (filter is null ? "" : $" AND ({filter})") + $" ORDER BY \"{next}\" LIMIT 1 FOR UPDATE SKIP LOCKED";
    }
}
