using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Bus;

/// <summary>A district that upgrades keeps its database: columns and indexes a release adds appear on start.</summary>
public sealed class SchemaUpgradeTests
{
    [Fact]
    public async Task Starting_a_new_release_on_an_older_database_adds_the_new_columns_and_keeps_the_rows()
    {
        await using var environment = await AppEnvironment.CreateAsync();
        await (await TipLineApp.StartAsync(environment)).DisposeAsync();
        // The directory as an earlier release left it: no district-wide flag, no member time zones.
        await environment.Database.ScalarAsync<object?>("""
            DROP INDEX directory."IX_schools_IsDistrictWide";
            ALTER TABLE directory.schools DROP COLUMN "IsDistrictWide";
            ALTER TABLE directory.team_members DROP COLUMN "TimeZone";
            """);
        var schools = await environment.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools");

        await (await TipLineApp.StartAsync(environment)).DisposeAsync();

        Assert.Equal(schools, await environment.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools WHERE NOT \"IsDistrictWide\""));
        Assert.Equal(0L, await environment.Database.ScalarAsync<long>("SELECT count(*) FROM directory.team_members WHERE \"TimeZone\" <> 'UTC'"));
        Assert.Equal(1L, await environment.Database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = 'directory' AND indexname = 'IX_schools_IsDistrictWide'"));
    }
}
