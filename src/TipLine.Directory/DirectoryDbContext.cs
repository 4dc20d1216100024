using TipLine.Directory.Settings;
using Microsoft.EntityFrameworkCore;
using TipLine.Directory.Schedules;

namespace TipLine.Directory;

public sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : DbContext(options)
{
    public const string Schema = "directory";

    public DbSet<School> Schools => Set<School>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> Members => Set<TeamMember>();
    public DbSet<ChannelNumber> ChannelNumbers => Set<ChannelNumber>();
    public DbSet<DistrictSetting> DistrictSettings => Set<DistrictSetting>();
    public DbSet<Rotation> Rotations => Set<Rotation>();
    public DbSet<OnCallOverride> Overrides => Set<OnCallOverride>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);
        model.Entity<Team>(e =>
        {
            e.ToTable("teams");
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.WorkingLanguage).HasMaxLength(20);
        });
        model.Entity<School>(e =>
        {
            e.ToTable("schools");
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Code).HasMaxLength(20);
            e.HasIndex(s => s.Code).IsUnique();
            e.HasIndex(s => s.IsDistrictWide).IsUnique().HasFilter("\"IsDistrictWide\"");
            e.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId);
        });
        model.Entity<ChannelNumber>(e =>
        {
            e.ToTable("channel_numbers");
            e.HasKey(n => n.Number);
            e.Property(n => n.Number).HasMaxLength(20);
            e.HasOne<School>().WithMany().HasForeignKey(n => n.SchoolId);
        });
        model.Entity<DistrictSetting>(e =>
        {
            e.ToTable("district_settings");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(200);
            e.Property(s => s.Value).HasMaxLength(2000);
        });
        model.Entity<TeamMember>(e =>
        {
            e.ToTable("team_members");
            e.Property(m => m.DisplayName).HasMaxLength(200);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.AlertPhone).HasMaxLength(20);
            e.Property(m => m.AlertEmail).HasMaxLength(320);
            e.Property(m => m.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
            e.Property(m => m.LanguagesRead).HasDefaultValueSql("'{}'");
            e.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId);
            e.HasQueryFilter(m => m.DeactivatedAt == null);
        });
        model.Entity<Rotation>(e =>
        {
            e.ToTable("rotations");
            e.HasKey(r => r.TeamId);
            e.Property(r => r.Interval).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.TimeZone).HasMaxLength(64);
            e.HasOne<Team>().WithOne().HasForeignKey<Rotation>(r => r.TeamId);
        });
        model.Entity<OnCallOverride>(e =>
        {
            e.ToTable("on_call_overrides");
            e.HasIndex(o => new { o.TeamId, o.EndsAt });
            e.HasOne<Team>().WithMany().HasForeignKey(o => o.TeamId);
            e.HasOne<TeamMember>().WithMany().HasForeignKey(o => o.MemberId);
        });
    }
}
