using Microsoft.EntityFrameworkCore;

namespace TipLine.Attachments;

public sealed class AttachmentsDbContext(DbContextOptions<AttachmentsDbContext> options) : DbContext(options)
{
    public const string Schema = "attachments";

    public DbSet<AttachmentFile> Files => Set<AttachmentFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<AttachmentFile>(e =>
        {
            e.ToTable("files");
            e.HasIndex(f => f.ReportId);
            e.Property(f => f.Kind).HasMaxLength(40);
            e.Property(f => f.ContentType).HasMaxLength(100);
        });
    }
}
