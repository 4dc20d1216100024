using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using TipLine.Attachments;
using TipLine.Directory;
using TipLine.Hosting;
using TipLine.Intake;
using TipLine.Routing;
using TipLine.Teams;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>
/// A database migrated once by the real migrate step, copied for each test (CREATE DATABASE … TEMPLATE), so a test's
/// database starts at this release's schema without each test paying for the migrations. Named after the migrations it
/// holds: a release with new migrations gets a new template.
/// </summary>
public static class MigratedTemplate
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static string? name;

    public static async Task<string> GetAsync(string admin)
    {
        await Lock.WaitAsync();
        try
        {
            return name ??= await CreateAsync(admin);
        }
        finally
        {
            Lock.Release();
        }
    }

    private static async Task<string> CreateAsync(string admin)
    {
        var template = "tl_template_" + MigrationsHash();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        if (await ExistsAsync(connection, template)) return template;
        var building = "tl_building_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(connection, $"CREATE DATABASE \"{building}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = building, Pooling = false }.ConnectionString;
        await MigrateTarget.RunAsync(new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:TipLine", connectionString)]).Build(),
            TextWriter.Null);
        try
        {
            await ExecuteAsync(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{template}\"");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another test run made the same template meanwhile.
            await ExecuteAsync(connection, $"DROP DATABASE \"{building}\"");
        }
        return template;
    }

    private static string MigrationsHash()
    {
        DbContext[] contexts =
        [
            new DirectoryDbContextFactory().Create("Host=unused"), new IntakeDbContextFactory().Create("Host=unused"),
            new AttachmentsDbContextFactory().Create("Host=unused"), new RoutingDbContextFactory().Create("Host=unused"),
            new TeamsDbContextFactory().Create("Host=unused"),
        ];
        var all = string.Join('\n', contexts.SelectMany(c => c.Database.GetMigrations()));
        foreach (var context in contexts) context.Dispose();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..12];
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string database)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
