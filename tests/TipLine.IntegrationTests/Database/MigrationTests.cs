using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using TipLine.Bus.Database;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Database;

/// <summary>Districts upgrade through the migrate step, and a release never runs on a schema it does not know.</summary>
public sealed class MigrationTests
{
    /// <summary>
    /// pg_dump (plain, with INSERTs, psql commands removed) of a district database made by the last release before
    /// migrations, which created its schema at start-up: two cases (a web tip with its escalation and alerts, a
    /// Spanish SMS tip with a team question), the demo district and its staff.
    /// </summary>
    private static readonly string ReleaseBeforeMigrations = Path.Combine(AppContext.BaseDirectory, "Database", "release-before-migrations.sql");

    [Fact]
    public async Task A_database_made_before_migrations_is_upgraded_keeping_every_tip_case_and_escalation()
    {
        await using var district = await AppEnvironment.CreateAsync(migrated: false);
        await district.Database.RunScriptAsync(await File.ReadAllTextAsync(ReleaseBeforeMigrations));
        var before = await district.Database.RowCountsAsync();
        Assert.True(before["teams.cases"] == 2 && before["teams.escalations"] > 0 && before["teams.alert_attempts"] > 0
            && before["intake.reports"] == 2 && before["intake.sms_inbound"] > 0, string.Join(", ", before));

        await Assert.ThrowsAsync<SchemaNotCurrentException>(() => TipLineApp.StartAsync(district, seed: false, migrate: false));
        var output = new StringWriter();
        await MigrateTarget.RunAsync(Configuration(district), output);

        var after = await district.Database.RowCountsAsync();
        Assert.Equal(before, new SortedDictionary<string, long>(after.Where(t => before.ContainsKey(t.Key)).ToDictionary(), StringComparer.Ordinal));
        // Recognised as at the baseline: only what came after it was applied.
        Assert.Contains("directory: applied", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("teams: applied", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Baseline", output.ToString(), StringComparison.Ordinal);
        // Labels derived from the contact are replaced by random ones, in intake and on the team's cases.
        Assert.Equal(0L, await district.Database.ScalarAsync<long>("""
            SELECT (SELECT count(*) FROM intake.reports WHERE "Pseudonym" !~ '^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$')
                 + (SELECT count(*) FROM teams.cases WHERE "Pseudonym" !~ '^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$')
            """));
        Assert.Equal(2L, await district.Database.ScalarAsync<long>("""SELECT count(DISTINCT "Pseudonym") FROM teams.cases"""));
        await using (var fresh = await AppEnvironment.CreateAsync(migrated: false))
        {
            await MigrateTarget.RunAsync(Configuration(fresh), TextWriter.Null);
            Assert.Equal(await fresh.Database.ShapeAsync(), await district.Database.ShapeAsync());
        }

        // The district works on: its staff still sign in and find both cases in their queue.
        await using var app = await TipLineApp.StartAsync(district, seed: false, migrate: false);
        using var staff = await StaffClient.SignInAsync(app, "counselor@demo.tipline.test");
        Assert.Equal(["sms", "web"], (await staff.QueueAsync()).Select(c => c.Channel).Order());
        // The audit entries of the earlier release were chained in id order, and new ones follow them.
        var chain = new StringWriter();
        Assert.True(await TipLine.Teams.TeamsModule.CheckAuditChainAsync(Configuration(district), chain), chain.ToString());
        Assert.Contains("audit-check: 5 entries, chain intact", chain.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_migrate_steps_started_together_both_finish_and_migrate_once()
    {
        await using var district = await AppEnvironment.CreateAsync(migrated: false);
        await district.Database.RunScriptAsync(await File.ReadAllTextAsync(ReleaseBeforeMigrations));
        var outputs = new[] { new StringWriter(), new StringWriter() };

        await Task.WhenAll(outputs.Select(o => MigrateTarget.RunAsync(Configuration(district), o)));

        Assert.Equal(1, outputs.Count(o => o.ToString().Contains("teams: applied", StringComparison.Ordinal)));
        Assert.Equal(1L, await district.Database.ScalarAsync<long>("SELECT count(*) FROM teams.\"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%_Baseline'"));
    }

    [Fact]
    public async Task A_release_started_without_migrating_refuses_to_start_and_names_the_command()
    {
        await using var district = await AppEnvironment.CreateAsync(migrated: false);

        var refused = await Assert.ThrowsAsync<SchemaNotCurrentException>(() => TipLineApp.StartAsync(district, migrate: false));
        Assert.Equal("directory", refused.Schema);
        Assert.Contains("--target migrate", refused.Message, StringComparison.Ordinal);

        // The binary itself: refuses with that message and a failing exit code; after the migrate step it gets past the check.
        var (exit, _, error) = await RunTipLineAsync(district, "--target", "all");
        Assert.Equal(2, exit);
        Assert.Contains("is not up to date", error, StringComparison.Ordinal);
        Assert.Contains("TipLine --target migrate", error, StringComparison.Ordinal);

        var (migrated, output, _) = await RunTipLineAsync(district, "--target", "migrate");
        Assert.Equal(0, migrated);
        Assert.Contains("intake: applied", output, StringComparison.Ordinal);
        var (again, rerun, _) = await RunTipLineAsync(district, "--target", "migrate");
        Assert.Equal(0, again);
        Assert.Equal(5, rerun.Split('\n').Count(l => l.EndsWith(": up to date", StringComparison.Ordinal)));
    }

    private static IConfiguration Configuration(AppEnvironment district) =>
        new ConfigurationBuilder().AddInMemoryCollection(district.Settings("all")).Build();

    private static async Task<(int Exit, string Output, string Error)> RunTipLineAsync(AppEnvironment district, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "TipLine.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__TipLine"] = district.Database.ConnectionString;
        start.Environment["Bus__Transport"] = "InMemory";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).Replace("\r", "", StringComparison.Ordinal), await error);
    }
}
