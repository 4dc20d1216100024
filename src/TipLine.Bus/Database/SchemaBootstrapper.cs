// Schema names in raw SQL come from our own EF model, never from input.
#pragma warning disable EF1002, EF1003

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using System.Text.RegularExpressions;

namespace TipLine.Bus.Database;

/// <summary>
/// Creates a module's schema from its EF model. Each module owns one PostgreSQL schema; an
/// advisory lock keeps two processes from doing this at once. Statements run one by one and what
/// already exists is kept, so a release that adds tables or indexes upgrades an existing database.
/// Changing an existing column needs a real migration; there is none yet.
/// </summary>
public static class SchemaBootstrapper
{
    private static readonly HashSet<string> AlreadyThere =
    [
        PostgresErrorCodes.DuplicateTable, PostgresErrorCodes.DuplicateSchema, PostgresErrorCodes.DuplicateObject,
        PostgresErrorCodes.DuplicateFunction,
    ];

    public static async Task EnsureSchemaAsync(this DbContext db, string? extraSql = null, CancellationToken ct = default)
    {
        var schema = db.Model.GetDefaultSchema() ?? throw new InvalidOperationException("Module contexts need a default schema.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7324611)", ct);
        var statements = new List<string> { $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"" };
        // EF separates statements by a blank line; a DO $EF$ block has none inside it.
        statements.AddRange(Regex.Split(db.Database.GenerateCreateScript(), @"(?<=;)[ \t\r]*\n[ \t\r]*\n")
            .Select(s => s.Trim()).Where(s => s.Length > 0));
        if (extraSql is not null) statements.Add(extraSql);
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync("SAVEPOINT bootstrap", ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync(statement, ct);
            }
            catch (PostgresException e) when (AlreadyThere.Contains(e.SqlState))
            {
                await db.Database.ExecuteSqlRawAsync("ROLLBACK TO SAVEPOINT bootstrap", ct);
            }
        }
        await tx.CommitAsync(ct);
    }
}
