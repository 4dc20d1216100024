using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TipLine.Attachments;
using TipLine.Bus.Database;
using TipLine.Directory;
using TipLine.Intake;
using TipLine.Routing;
using TipLine.Teams;

namespace TipLine.Hosting;

/// <summary>
/// <c>--target migrate</c>: applies every module's pending migrations and exits. The only step that changes the schema,
/// so the only one that needs the owner role (<c>ConnectionStrings:Migrate</c>, else <c>ConnectionStrings:TipLine</c>).
/// </summary>
public static class MigrateTarget
{
    /// <summary>Directory first: the other modules read it.</summary>
    private static readonly Func<string, DbContext>[] Modules =
    [
        new DirectoryDbContextFactory().Create,
        IntakeModule.CreateMigrationContext,
        new AttachmentsDbContextFactory().Create,
        RoutingModule.CreateMigrationContext,
        TeamsModule.CreateMigrationContext,
    ];

    public static async Task RunAsync(IConfiguration configuration, TextWriter output, CancellationToken ct = default)
    {
        var connectionString = configuration.GetConnectionString("Migrate") ?? configuration.GetConnectionString("TipLine")
            ?? throw new InvalidOperationException("ConnectionStrings:Migrate (or ConnectionStrings:TipLine) is not configured.");
        foreach (var create in Modules)
        {
            await using var db = create(connectionString);
            var applied = await db.MigrateAsync(ct);
            await output.WriteLineAsync($"{db.Model.GetDefaultSchema()}: "
                + (applied.Count == 0 ? "up to date" : $"applied {string.Join(", ", applied)}"));
        }
    }
}
