using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace TipLine.Attachments;

/// <summary>Saves and opens the files of a report.</summary>
public sealed class AttachmentStore(AttachmentsDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Makes <see cref="SaveChangesAsync"/> commit with another module's open transaction (same database), so a file
    /// is stored if and only if the report it belongs to is. Call before anything else on this store.
    /// </summary>
    public async Task JoinAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        await db.Database.UseTransactionAsync(transaction, ct);
    }

    public void Add(Guid id, Guid reportId, string kind, string contentType, byte[] content) =>
        db.Files.Add(new AttachmentFile
        {
            Id = id, ReportId = reportId, Kind = kind, ContentType = contentType, Content = content, CreatedAt = clock.GetUtcNow(),
        });

    public Task SaveChangesAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>The file, only if it belongs to <paramref name="reportId"/>.</summary>
    public Task<AttachmentFile?> OpenAsync(Guid id, Guid reportId, CancellationToken ct) =>
        db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.ReportId == reportId, ct);
}
