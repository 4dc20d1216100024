using System.Buffers.Binary;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// Removes what a picture says about where, when and with what it was taken (EXIF with GPS, XMP, maker notes, IPTC,
/// comments, text chunks) and keeps the image itself byte-exact. Returns null for anything it does not fully
/// understand: a picture that cannot be cleaned is never shown to the team. Never throws.
/// </summary>
public static class ImageMetadata
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>A clean copy for the team, or null when the type is not one we clean or the file is malformed.</summary>
    public static byte[]? Strip(string contentType, byte[] content) =>
        CleanableType(contentType) switch
        {
            Jpeg => StripJpeg(content),
            Png => StripPng(content),
            _ => null,
        };

    /// <summary>"image/jpeg" or "image/png" for the types we clean (with their common spellings); else null.</summary>
    public static string? CleanableType(string contentType) =>
        contentType.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            Jpeg or "image/jpg" or "image/pjpeg" => Jpeg,
            Png => Png,
            _ => null,
        };

    /// <summary>
    /// Drops APP1..APP15 and COM segments before the first SOS; keeps APP0 (JFIF), tables, SOF, SOS and the scan data as
    /// they are (everything from SOS on is copied unchanged).
    /// </summary>
    public static byte[]? StripJpeg(byte[]? data)
    {
        if (data is null || data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8) return null;
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        var at = 2;
        while (true)
        {
            if (at + 1 >= data.Length || data[at] != 0xFF) return null;
            // Fill bytes (0xFF repeated) may precede a marker.
            var markerAt = at;
            while (at < data.Length && data[at] == 0xFF) at++;
            if (at >= data.Length) return null;
            var marker = data[at++];
            if (marker == 0x00 || marker == 0xD8) return null;
            if (marker == 0xD9) return null; // an image that ends before its scan
            if (marker is >= 0xD0 and <= 0xD7 || marker == 0x01) return null; // standalone markers do not belong before SOS
            if (at + 2 > data.Length) return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at, 2));
            if (length < 2 || at + length > data.Length) return null;
            var segmentEnd = at + length;
            if (marker == 0xDA)
            {
                // SOS: its header, the entropy-coded data and whatever follows are kept as they are.
                if (!EndsWithEoi(data, segmentEnd)) return null;
                output.Write(data, markerAt, data.Length - markerAt);
                return output.ToArray();
            }
            var drop = marker is >= 0xE1 and <= 0xEF || marker == 0xFE;
            if (!drop) output.Write(data, markerAt, segmentEnd - markerAt);
            at = segmentEnd;
        }
    }

    private static bool EndsWithEoi(byte[] data, int from)
    {
        // Some cameras pad after EOI; it only has to be present after the scan header.
        for (var i = data.Length - 2; i >= from; i--)
        {
            if (data[i] == 0xFF && data[i + 1] == 0xD9) return true;
        }
        return false;
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly HashSet<string> PngDropped = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

    /// <summary>Drops tEXt, zTXt, iTXt, eXIf and tIME chunks; every other chunk is kept with its CRC, which is checked.</summary>
    public static byte[]? StripPng(byte[]? data)
    {
        if (data is null || data.Length < PngSignature.Length + 12 || !data.AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature)) return null;
        using var output = new MemoryStream(data.Length);
        output.Write(PngSignature);
        var at = PngSignature.Length;
        var first = true;
        while (at + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at, 4));
            if (length > int.MaxValue || at + 12 + (long)length > data.Length) return null;
            var type = data.AsSpan(at + 4, 4);
            foreach (var c in type)
            {
                if (c is not (>= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z')) return null;
            }
            var name = System.Text.Encoding.ASCII.GetString(type);
            if (first && name != "IHDR") return null;
            first = false;
            var chunkEnd = at + 12 + (int)length;
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(chunkEnd - 4, 4));
            if (PngCrc(data.AsSpan(at + 4, 4 + (int)length)) != crc) return null;
            if (!PngDropped.Contains(name)) output.Write(data, at, chunkEnd - at);
            at = chunkEnd;
            if (name == "IEND") return output.ToArray(); // anything after IEND is not part of the image
        }
        return null; // no IEND
    }

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>The CRC-32 PNG puts after each chunk (over its type and data).</summary>
    public static uint PngCrc(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
