using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TipLine.Bus.Database;

/// <summary>
/// Makes a module's context outside the running app: for <c>dotnet ef</c> (design time, no database needed to add a
/// migration) and for <c>--target migrate</c>, which connects as the schema owner.
/// </summary>
public abstract class ModuleDbContextFactory<TContext>(string schema, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public string Schema => schema;

    public TContext CreateDbContext(string[] args) => Create(args.FirstOrDefault() ?? "Host=localhost;Database=tipline_design");

    public TContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseModuleNpgsql(connectionString, schema);
        return create(options.Options);
    }
}
