using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TipLine.Bus.Database;

/// <summary>
/// Work to do once what a context saved is really committed (a measurement, never a write): at once when the save was
/// its own transaction, else when the caller's transaction commits; dropped when that transaction does not.
/// </summary>
public static class AfterCommit
{
    private static readonly ConditionalWeakTable<DbContext, List<Action>> Pending = new();

    /// <summary>Call after <c>SaveChanges</c>.</summary>
    public static void OnCommitted(this DbContext db, Action action)
    {
        if (db.Database.CurrentTransaction is null)
        {
            RunSafely(action);
            return;
        }
        lock (Pending) Pending.GetOrCreateValue(db).Add(action);
    }

    private static void Run(DbContext? db)
    {
        if (Take(db) is { } actions) foreach (var action in actions) RunSafely(action);
    }

    /// <summary>A measurement that throws must not look like a failed commit to the caller: the work is already saved.</summary>
    private static void RunSafely(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Trace.TraceWarning("An after-commit action failed: {0}", e.GetType().Name);
        }
    }

    private static List<Action>? Take(DbContext? db)
    {
        if (db is null) return null;
        lock (Pending) return Pending.TryGetValue(db, out var actions) && Pending.Remove(db) ? actions : null;
    }

    /// <summary>Registered on every module context.</summary>
    public sealed class Interceptor : DbTransactionInterceptor
    {
        public static readonly Interceptor Instance = new();

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Run(eventData.Context);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Run(eventData.Context);
            return Task.CompletedTask;
        }

        // A transaction rolled back, failed, or (pooled context, new transaction) was abandoned without either: its work never happened.
        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData.Context);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Take(eventData.Context);
            return Task.CompletedTask;
        }

        public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Take(eventData.Context);

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Take(eventData.Context);
            return Task.CompletedTask;
        }

        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            Take(eventData.Context);
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
            CancellationToken cancellationToken = default)
        {
            Take(eventData.Context);
            return ValueTask.FromResult(result);
        }
    }
}
