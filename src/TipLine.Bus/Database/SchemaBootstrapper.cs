using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

// Schema names in raw SQL come from our own EF model, never from input.
#pragma warning disable EF1002, EF1003

namespace TipLine.Bus.Database;

/// <summary>
/// Creates a module's schema from its EF model when the schema does not exist yet. Each module
/// owns one PostgreSQL schema; an advisory lock keeps two processes from creating it at once.
/// </summary>
public static class SchemaBootstrapper
{
    public static async Task EnsureSchemaAsync(this DbContext db, string? extraSql = null, CancellationToken ct = default)
    {
        var schema = db.Model.GetDefaultSchema() ?? throw new InvalidOperationException("Module contexts need a default schema.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7324611)", ct);
        var exists = await db.Database
            .SqlQueryRaw<int>("SELECT 1 AS \"Value\" FROM information_schema.schemata WHERE schema_name = {0}", schema)
            .AnyAsync(ct);
        if (!exists)
        {
            var script = db.Database.GenerateCreateScript();
            await db.Database.ExecuteSqlRawAsync($"CREATE SCHEMA IF NOT EXISTS \"{schema}\";\n" + script + (extraSql ?? ""), ct);
        }
        await tx.CommitAsync(ct);
    }
}
