using Microsoft.EntityFrameworkCore;
using TipLine.Bus;
using TipLine.Routing.OnCall;

namespace TipLine.Routing;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    public DbSet<RotationCursor> RotationCursors => Set<RotationCursor>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("routing").AddBusTables();
        modelBuilder.Entity<RotationCursor>(e =>
        {
            e.ToTable("rotation_cursors");
            e.HasKey(c => c.TeamId);
            e.Property(c => c.TeamId).HasColumnName("team_id");
            e.Property(c => c.NextIndex).HasColumnName("next_index");
        });
    }
}
