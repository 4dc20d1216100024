using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TipLine.Intake.Reporters;

/// <summary>
/// Seals contact coordinates with AES-GCM (key from configuration). Lives in intake, whose
/// tables the team's code cannot reach; only the reply relay calls <see cref="UnsealAsync"/>.
/// </summary>
internal sealed class SealedContactStore(IntakeDbContext db, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key = PrivacyOptions.KeyBytes(options.Value.SealedContactKey);

    public void Add(Guid reportId, string channel, string address)
    {
        var now = clock.GetUtcNow();
        db.SealedContacts.Add(new SealedContact
        {
            Id = Guid.NewGuid(),
            ReportId = reportId,
            Channel = channel,
            Sealed = Seal(channel, address),
            CreatedAt = now,
            PurgeAfter = now.AddDays(options.Value.ContactRetentionDays),
        });
    }

    public async Task<string?> UnsealAsync(Guid reportId, string channel, CancellationToken ct)
    {
        var row = await db.SealedContacts.AsNoTracking()
            .Where(c => c.ReportId == reportId && c.Channel == channel)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        return row is null ? null : Unseal(channel, row.Sealed);
    }

    /// <summary>Deletes sealed contacts, sealed voicemail, MMS and email-attachment originals and sealed caller IDs past retention.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var callsBefore = now.AddDays(-options.Value.ContactRetentionDays);
        await db.Voicemails.Where(v => v.PurgeAfter < now).ExecuteDeleteAsync(ct);
        await db.MmsMedia.Where(m => m.PurgeAfter < now).ExecuteDeleteAsync(ct);
        await db.EmailAttachments.Where(a => a.PurgeAfter < now).ExecuteDeleteAsync(ct);
        await db.VoiceCalls.Where(c => c.StartedAt < callsBefore).ExecuteDeleteAsync(ct);
        return await db.SealedContacts.Where(c => c.PurgeAfter < now).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Seals bytes that are not (yet) a report's contact: a caller ID until its voicemail is accepted, an original
    /// recording. <paramref name="purpose"/> is bound to the ciphertext, so one kind cannot be unsealed as another.
    /// </summary>
    public byte[] SealBytes(string purpose, ReadOnlySpan<byte> plain)
    {
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(purpose));
        return output;
    }

    public byte[] UnsealBytes(string purpose, byte[] sealedBytes)
    {
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize),
            sealedBytes.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(purpose));
        return plain;
    }

    private byte[] Seal(string channel, string address) => SealBytes(channel, Encoding.UTF8.GetBytes(address));

    private string Unseal(string channel, byte[] sealedBytes) => Encoding.UTF8.GetString(UnsealBytes(channel, sealedBytes));
}
