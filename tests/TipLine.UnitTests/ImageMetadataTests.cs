using System.Buffers.Binary;
using System.Text;
using TipLine.Intake.Channels.Sms;
using Xunit;

namespace TipLine.UnitTests;

public sealed class ImageMetadataTests
{
    private const string GpsMarker = "GPS-LAT-40.7128-LON-74.0060";

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    private static readonly byte[] Soi = [0xFF, 0xD8];
    private static readonly byte[] App0 = Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    private static readonly byte[] App1 = Segment(0xE1, [.. "Exif\0\0MM\0*"u8, .. Encoding.ASCII.GetBytes(GpsMarker)]);
    private static readonly byte[] App13 = Segment(0xED, [.. "Photoshop 3.0\0"u8, .. Encoding.ASCII.GetBytes(GpsMarker)]);
    private static readonly byte[] Com = Segment(0xFE, Encoding.ASCII.GetBytes("taken by " + GpsMarker));
    private static readonly byte[] Dqt = Segment(0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
    private static readonly byte[] Sof0 = Segment(0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
    private static readonly byte[] Dht = Segment(0xC4, [0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    private static readonly byte[] Sos = Segment(0xDA, [1, 1, 0, 0, 63, 0]);
    // Scan data with a stuffed 0xFF 0x00, a restart marker, and bytes that look like an APP1 header: all kept as they are.
    private static readonly byte[] Scan = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0x00, 0xE1, 0x78];
    private static readonly byte[] Eoi = [0xFF, 0xD9];

    public static byte[] Jpeg(bool withMetadata) =>
        withMetadata
            ? [.. Soi, .. App0, .. App1, .. Com, .. Dqt, .. App13, .. Sof0, .. Dht, .. Sos, .. Scan, .. Eoi]
            : [.. Soi, .. App0, .. Dqt, .. Sof0, .. Dht, .. Sos, .. Scan, .. Eoi];

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public void A_jpeg_loses_exif_iptc_and_comments_and_keeps_everything_else_byte_exact()
    {
        var input = Jpeg(withMetadata: true);
        Assert.True(Contains(input, Encoding.ASCII.GetBytes(GpsMarker)));

        var stripped = ImageMetadata.StripJpeg(input);

        Assert.NotNull(stripped);
        Assert.False(Contains(stripped, Encoding.ASCII.GetBytes(GpsMarker)));
        Assert.False(Contains(stripped, "Exif"u8.ToArray()));
        Assert.Equal(Jpeg(withMetadata: false), stripped);
    }

    [Fact]
    public void A_clean_jpeg_comes_back_unchanged()
    {
        var input = Jpeg(withMetadata: false);
        Assert.Equal(input, ImageMetadata.StripJpeg(input));
    }

    public static TheoryData<byte[]> MalformedJpegs() => new()
    {
        Array.Empty<byte>(),
        new byte[] { 0xFF, 0xD8 },
        new byte[] { 0x89, 0x50, 0x4E, 0x47 },
        // A segment longer than the file.
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 0x01, 0x02 },
        // No SOS: ends after the tables.
        (byte[])[.. Soi, .. App0, .. Dqt, .. Eoi],
        // Garbage where a marker should be.
        (byte[])[.. Soi, .. App0, 0x00, 0x11, .. Sos, .. Scan, .. Eoi],
        // A scan without EOI.
        (byte[])[.. Soi, .. App0, .. Sof0, .. Sos, .. Scan],
    };

    [Theory]
    [MemberData(nameof(MalformedJpegs))]
    public void A_malformed_jpeg_gets_no_clean_copy(byte[] input) => Assert.Null(ImageMetadata.StripJpeg(input));

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), ImageMetadata.PngCrc(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Ihdr = Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    private static readonly byte[] Idat = Chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
    private static readonly byte[] Iend = Chunk("IEND", []);
    private static readonly byte[] Text = Chunk("tEXt", [.. "GPS\0"u8, .. Encoding.ASCII.GetBytes(GpsMarker)]);
    private static readonly byte[] Exif = Chunk("eXIf", [.. "MM\0*"u8, .. Encoding.ASCII.GetBytes(GpsMarker)]);
    private static readonly byte[] Time = Chunk("tIME", [0x07, 0xEA, 11, 22, 17, 0, 0]);
    private static readonly byte[] Gama = Chunk("gAMA", [0, 0, 0xB1, 0x8F]);

    [Fact]
    public void A_png_loses_text_exif_and_time_chunks_and_keeps_the_rest_with_valid_crcs()
    {
        byte[] input = [.. PngSignature, .. Ihdr, .. Text, .. Gama, .. Exif, .. Time, .. Idat, .. Iend];

        var stripped = ImageMetadata.StripPng(input);

        Assert.NotNull(stripped);
        Assert.False(Contains(stripped, Encoding.ASCII.GetBytes(GpsMarker)));
        Assert.Equal([.. PngSignature, .. Ihdr, .. Gama, .. Idat, .. Iend], stripped);
        // Every kept chunk still carries a valid CRC.
        for (var at = 8; at < stripped.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(stripped.AsSpan(at));
            var crc = BinaryPrimitives.ReadUInt32BigEndian(stripped.AsSpan(at + 8 + length));
            Assert.Equal(ImageMetadata.PngCrc(stripped.AsSpan(at + 4, 4 + length)), crc);
            at += 12 + length;
        }
    }

    [Fact]
    public void A_png_with_a_broken_crc_or_no_iend_gets_no_clean_copy()
    {
        byte[] broken = [.. PngSignature, .. Ihdr, .. Idat, .. Iend];
        broken[8 + 12 + 13 + 10] ^= 0xFF; // a byte inside IDAT
        Assert.Null(ImageMetadata.StripPng(broken));
        Assert.Null(ImageMetadata.StripPng([.. PngSignature, .. Ihdr, .. Idat]));
        Assert.Null(ImageMetadata.StripPng([.. PngSignature, .. Idat, .. Iend])); // IHDR must come first
        Assert.Null(ImageMetadata.StripPng([1, 2, 3]));
    }

    [Theory]
    [InlineData("image/gif")]
    [InlineData("video/mp4")]
    [InlineData("application/octet-stream")]
    public void Other_types_get_no_clean_copy(string contentType) =>
        Assert.Null(ImageMetadata.Strip(contentType, Jpeg(withMetadata: true)));

    [Fact]
    public void The_content_type_picks_the_cleaner()
    {
        Assert.Equal(Jpeg(withMetadata: false), ImageMetadata.Strip("image/jpeg", Jpeg(withMetadata: true)));
        Assert.Equal(Jpeg(withMetadata: false), ImageMetadata.Strip("IMAGE/JPEG; charset=binary", Jpeg(withMetadata: true)));
        Assert.Null(ImageMetadata.Strip("image/png", Jpeg(withMetadata: true)));
    }
}
