using Microsoft.EntityFrameworkCore;
using TipLine.Bus;

namespace TipLine.Routing;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("routing").AddBusTables();
    }
}
