using Microsoft.EntityFrameworkCore;

namespace TipLine.Bus.Database;

/// <summary>How every module context talks to PostgreSQL: its migration history lives in its own schema.</summary>
public static class ModuleDatabase
{
    public const string HistoryTable = "__EFMigrationsHistory";

    public static DbContextOptionsBuilder UseModuleNpgsql(this DbContextOptionsBuilder options, string connectionString, string schema) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(HistoryTable, schema));
}
