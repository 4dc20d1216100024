using Microsoft.EntityFrameworkCore;
using TipLine.Bus;

namespace TipLine.Routing;

internal sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    public const string Schema = "routing";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema).AddBusTables();
    }
}
