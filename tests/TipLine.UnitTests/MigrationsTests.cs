using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TipLine.Attachments;
using TipLine.Directory;
using TipLine.Intake;
using TipLine.Routing;
using TipLine.Teams;

namespace TipLine.UnitTests;

/// <summary>Districts upgrade through migrations: a model change that has none fails here, before it ships.</summary>
public class MigrationsTests
{
    private const string NoDatabase = "Host=localhost;Database=unused";

    public static TheoryData<string> Modules => ["directory", "intake", "attachments", "routing", "teams"];

    private static DbContext Create(string module) => module switch
    {
        "directory" => new DirectoryDbContextFactory().Create(NoDatabase),
        "intake" => new IntakeDbContextFactory().Create(NoDatabase),
        "attachments" => new AttachmentsDbContextFactory().Create(NoDatabase),
        "routing" => new RoutingDbContextFactory().Create(NoDatabase),
        "teams" => new TeamsDbContextFactory().Create(NoDatabase),
        _ => throw new ArgumentOutOfRangeException(nameof(module)),
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_model_change_has_a_migration(string module)
    {
        using var db = Create(module);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {module} model has changes without a migration: dotnet ef migrations add <Name> --project src/TipLine.<Module>");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Each_module_keeps_its_migration_history_in_its_own_schema(string module)
    {
        using var db = Create(module);

        var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
        Assert.Matches($"CREATE TABLE IF NOT EXISTS \"?{module}\"?\\.\"__EFMigrationsHistory\"", history.GetCreateIfNotExistsScript());
        Assert.Equal(module, db.Model.GetDefaultSchema());
    }

    [Fact]
    public void Self_check_a_model_without_its_migrations_counts_as_changed()
    {
        // Teams' model read against the directory's migrations: the check above must be able to fail.
        var options = new DbContextOptionsBuilder<TeamsDbContext>()
            .UseNpgsql(NoDatabase, o => o.MigrationsAssembly(typeof(DirectoryDbContext).Assembly.GetName().Name)).Options;
        using var db = new TeamsDbContext(options);

        Assert.True(db.Database.HasPendingModelChanges());
    }
}
