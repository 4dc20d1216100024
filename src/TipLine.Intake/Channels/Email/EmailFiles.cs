using System.Data.Common;
using Microsoft.Extensions.Options;
using TipLine.Intake.Pictures;
using TipLine.Attachments;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Intake.Reporters;

namespace TipLine.Intake.Channels.Email;

/// <summary>A file kept from a mail: the original (sealed when stored) and, for a JPEG or PNG we could clean, the team's copy.</summary>
internal sealed record KeptFile(int Index, string ContentType, byte[] Original, byte[]? Cleaned, Guid? AttachmentId, string? Refused = null);

/// <summary>
/// Keeps a mail's files as the MMS path does: every original sealed in intake (purged with the contacts), and only a
/// picture cleaned of its metadata stored for the team. Stored in the caller's transaction.
/// </summary>
internal sealed class EmailFiles(IntakeDbContext db, AttachmentStore attachments, Sealing sealing, IOptionsMonitor<PrivacyOptions> privacy)
{
    public Task JoinAsync(DbTransaction transaction, CancellationToken ct) => attachments.JoinAsync(transaction.Connection!, transaction, ct);

    public static IReadOnlyList<KeptFile> Plan(IncomingMail mail) =>
        mail.Files.Select((file, index) =>
        {
            var outcome = PictureCleaner.IsPicture(file.ContentType) ? PictureCleaner.Clean(file.ContentType, file.Content) : null;
            return outcome?.Picture is { } picture
                ? new KeptFile(index, picture.ContentType, file.Content, picture.Content, Guid.NewGuid())
                : new KeptFile(index, file.ContentType, file.Content, null, null, outcome?.Refused);
        }).ToList();

    /// <summary>Adds the files; <paramref name="announce"/> tells the team's case of each clean copy (for a report that exists already).</summary>
    public void Store(IReadOnlyList<KeptFile> files, Guid reportId, string messageKey, bool announce, DateTimeOffset now)
    {
        foreach (var file in files)
        {
            if (file.AttachmentId is { } id)
            {
                attachments.Add(id, reportId, AttachmentKinds.CleanedEmailPicture, file.ContentType, file.Cleaned!);
                if (announce) db.AddToOutbox(new ReportAttachmentAdded(reportId, id, file.ContentType, now), now);
            }
            var storedId = Guid.NewGuid();
            db.EmailAttachments.Add(new StoredEmailAttachment
            {
                Id = storedId, ReportId = reportId, MessageKey = messageKey, Index = file.Index, AttachmentId = file.AttachmentId,
                OriginalContentType = file.ContentType.Length > 100 ? file.ContentType[..100] : file.ContentType,
                SealedOriginal = sealing.Seal(SealedColumns.EmailAttachmentOriginal, storedId.ToString(), file.Original),
                CreatedAt = now, PurgeAfter = now.AddDays(privacy.CurrentValue.ContactRetentionDays),
            });
        }
    }

    public Task SaveChangesAsync(CancellationToken ct) => attachments.SaveChangesAsync(ct);
}
