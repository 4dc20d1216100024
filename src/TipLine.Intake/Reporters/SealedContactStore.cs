using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TipLine.Intake.Reporters;

/// <summary>
/// Keeps contact coordinates sealed (<see cref="Sealing"/>). Lives in intake, whose
/// tables the team's code cannot reach; only the reply relay calls <see cref="UnsealAsync"/>.
/// </summary>
internal sealed class SealedContactStore(IntakeDbContext db, Sealing sealing, IOptionsMonitor<PrivacyOptions> options, TimeProvider clock)
{
    public void Add(Guid reportId, string channel, string address)
    {
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        db.SealedContacts.Add(new SealedContact
        {
            Id = id,
            ReportId = reportId,
            Channel = channel,
            Sealed = sealing.Seal(SealedColumns.Contact(channel), id.ToString(), address),
            CreatedAt = now,
            PurgeAfter = now.AddDays(options.CurrentValue.ContactRetentionDays),
        });
    }

    public async Task<string?> UnsealAsync(Guid reportId, string channel, CancellationToken ct)
    {
        var row = await db.SealedContacts.AsNoTracking()
            .Where(c => c.ReportId == reportId && c.Channel == channel)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        return row is null ? null : sealing.OpenText(SealedColumns.Contact(channel), row.Id.ToString(), row.Sealed);
    }
}
