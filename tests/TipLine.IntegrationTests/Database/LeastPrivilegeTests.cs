using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Database;

/// <summary>
/// The production set-up of infra/postgres/roles.sql: the migrate step as the schema owner, then every module as its own
/// role, which can change no schema and read no other module's tables.
/// </summary>
public sealed class LeastPrivilegeTests
{
    [Fact]
    public async Task Modules_running_as_their_own_roles_take_a_tip_to_the_queue_after_the_owner_migrated()
    {
        await using var district = await AppEnvironment.CreateAsync(migrated: false);
        await RolesScriptAsync(district);
        await MigrateTarget.RunAsync(new ConfigurationBuilder().AddInMemoryCollection(
            [new("ConnectionStrings:Migrate", As(district, "tipline_owner"))]).Build(), TextWriter.Null);
        await RolesScriptAsync(district); // step 3: the audit log's revoke, now that its table exists

        await using var app = await TipLineApp.StartAsync(district, migrate: false, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:TipLine"] = As(district, "tipline_intake"),
            ["ConnectionStrings:Intake"] = As(district, "tipline_intake"),
            ["ConnectionStrings:Attachments"] = As(district, "tipline_intake"),
            ["ConnectionStrings:Routing"] = As(district, "tipline_routing"),
            ["ConnectionStrings:Teams"] = As(district, "tipline_teams"),
            // One process: the directory is written by schedule administration and the demo seed, which are teams'.
            ["ConnectionStrings:Directory"] = As(district, "tipline_teams"),
        });
        using (var reporter = new ReporterClient(app.CreateClient()))
        {
            await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "He said he will bring a knife on Friday");
        }
        using var staff = await StaffClient.SignInAsync(app, "counselor@demo.tipline.test");
        Assert.Equal("web", (await staff.WaitForCaseAsync()).Channel);

        foreach (var (role, sql) in new[]
        {
            ("tipline_intake", "SELECT count(*) FROM teams.cases"),
            ("tipline_routing", "SELECT count(*) FROM intake.sealed_contacts"),
            ("tipline_teams", "SELECT count(*) FROM intake.sealed_contacts"),
            ("tipline_intake", "CREATE TABLE intake.scratch (id int)"),
            ("tipline_teams", "ALTER TABLE teams.cases ADD COLUMN scratch int"),
            ("tipline_teams", "TRUNCATE teams.audit_entries"),
            ("tipline_teams", "DELETE FROM directory.schools WHERE false"),
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(As(district, role), sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        // What teams may delete in the directory: a phone number taken out of service.
        await ScalarAsync(As(district, "tipline_teams"), "DELETE FROM directory.channel_numbers WHERE false");
    }

    private static string As(AppEnvironment district, string role) =>
        new NpgsqlConnectionStringBuilder(district.Database.ConnectionString) { Username = role, Password = null }.ConnectionString;

    private static async Task ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteScalarAsync();
    }

    /// <summary>Runs infra/postgres/roles.sql with psql as the superuser, as its comments tell an operator to.</summary>
    private static async Task RolesScriptAsync(AppEnvironment district)
    {
        var admin = new NpgsqlConnectionStringBuilder(district.Database.ConnectionString);
        var script = Path.Combine(RepositoryRoot(), "infra", "postgres", "roles.sql");
        var start = new ProcessStartInfo(Psql(), ["-h", admin.Host!, "-p", admin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", admin.Username!, "-d", admin.Database!, "-v", "ON_ERROR_STOP=1", "-q", "-f", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var psql = Process.Start(start) ?? throw new InvalidOperationException("psql (PostgreSQL's client) is needed for this test.");
        var errors = psql.StandardError.ReadToEndAsync();
        await psql.StandardOutput.ReadToEndAsync();
        await psql.WaitForExitAsync();
        Assert.True(psql.ExitCode == 0, await errors);
    }

    /// <summary>psql on PATH, else from the newest PostgreSQL under /usr/lib/postgresql, where infra/test.sh finds the server too.</summary>
    private static string Psql()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "psql")).FirstOrDefault(File.Exists);
        var installed = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", "psql")).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return onPath ?? installed ?? throw new InvalidOperationException("psql (PostgreSQL's client) is needed for this test.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TipLine.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (TipLine.sln) was not found above the test binaries.");
    }
}
