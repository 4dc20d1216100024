using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TipLine.Intake.Reporters;

/// <summary>
/// AES-GCM sealing of what could re-identify a reporter (contacts, caller IDs, originals, receipts). A sealed value is
/// <c>'S' 2 keyId[4] nonce[12] tag[16] ciphertext</c>; its associated data binds it to the key id, the column's purpose
/// and its row, so a value copied to another row or column fails to open. The key id is a fingerprint of the key, so
/// <c>--target reseal</c> can tell which values still use a retired key.
/// </summary>
internal sealed class Sealing
{
    private const byte Magic = (byte)'S';
    private const byte Version = 2;
    private const int KeyIdSize = 4;
    private const int HeaderSize = 2 + KeyIdSize;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly SealingKey current;
    private readonly IReadOnlyList<SealingKey> all;

    public Sealing(IOptions<PrivacyOptions> options)
    {
        current = new SealingKey(PrivacyOptions.KeyBytes(options.Value.SealedContactKey));
        all = [current, .. options.Value.RetiredSealingKeys.Select(k => new SealingKey(PrivacyOptions.KeyBytes(k)))];
    }

    public byte[] Seal(SealedColumn column, string rowKey, ReadOnlySpan<byte> plain)
    {
        var output = new byte[HeaderSize + NonceSize + TagSize + plain.Length];
        output[0] = Magic;
        output[1] = Version;
        current.Id.CopyTo(output, 2);
        var nonce = output.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(current.Bytes, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(HeaderSize + NonceSize + TagSize), output.AsSpan(HeaderSize + NonceSize, TagSize),
            AssociatedData(current, column, rowKey));
        return output;
    }

    public byte[] Seal(SealedColumn column, string rowKey, string plain) => Seal(column, rowKey, Encoding.UTF8.GetBytes(plain));

    /// <exception cref="CryptographicException">Not sealed for this column and row, tampered with, or under an unknown key.</exception>
    public byte[] Open(SealedColumn column, string rowKey, byte[] sealedBytes)
    {
        if (KeyOf(sealedBytes) is { } key)
        {
            var body = sealedBytes.AsSpan(HeaderSize);
            var plain = new byte[body.Length - NonceSize - TagSize];
            using var aes = new AesGcm(key.Bytes, TagSize);
            aes.Decrypt(body[..NonceSize], body[(NonceSize + TagSize)..], body.Slice(NonceSize, TagSize), plain, AssociatedData(key, column, rowKey));
            return plain;
        }
        return OpenUnbound(column, sealedBytes);
    }

    public string OpenText(SealedColumn column, string rowKey, byte[] sealedBytes) => Encoding.UTF8.GetString(Open(column, rowKey, sealedBytes));

    /// <summary>Sealed under the current key in this format: nothing for <c>--target reseal</c> to do.</summary>
    public bool IsCurrent(byte[] sealedBytes) => KeyOf(sealedBytes) == current;

    private SealingKey? KeyOf(byte[] sealedBytes) =>
        sealedBytes.Length >= HeaderSize + NonceSize + TagSize && sealedBytes[0] == Magic && sealedBytes[1] == Version
            ? all.FirstOrDefault(k => sealedBytes.AsSpan(2, KeyIdSize).SequenceEqual(k.Id))
            : null;

    /// <summary>
    /// The earlier format (<c>nonce tag ciphertext</c>, associated data the purpose alone), which databases from earlier
    /// releases hold until <c>--target reseal</c> or the retention period replaces them.
    /// </summary>
    private byte[] OpenUnbound(SealedColumn column, byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("Not a sealed value.");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        foreach (var key in all)
        {
            using var aes = new AesGcm(key.Bytes, TagSize);
            try
            {
                aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain,
                    Encoding.UTF8.GetBytes(column.UnboundPurpose));
                return plain;
            }
            catch (AuthenticationTagMismatchException)
            {
            }
        }
        throw new CryptographicException($"A {column.Purpose} value does not open with the configured sealing keys.");
    }

    private static byte[] AssociatedData(SealingKey key, SealedColumn column, string rowKey) =>
        Encoding.UTF8.GetBytes($"tipline-seal/2/{Convert.ToHexString(key.Id)}/{column.Purpose}/{rowKey}");

    private sealed class SealingKey(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;

        /// <summary>A fingerprint that tells keys apart and reveals nothing of the key.</summary>
        public byte[] Id { get; } = HMACSHA256.HashData(bytes, "tipline sealing key id"u8)[..KeyIdSize];
    }
}
