using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ImageMagick;
using TipLine.Intake.Pictures;

namespace TipLine.UnitTests;

/// <summary>
/// Pictures with a GPS position and a device name planted in every place a file can carry them: EXIF, XMP, IPTC, an ICC
/// profile, a comment, PNG text chunks, data after the end of the image, a secondary image (as MPF and motion photos
/// append them) and a motion photo's video. The team's copy holds none of them, only the pixels, upright.
/// </summary>
public sealed class PictureCleanerTests
{
    private const string Gps = "GPS-40.7128N-74.0060W", Device = "Planted-Phone-X12";

    [Fact]
    public void A_jpeg_keeps_only_its_pixels_turned_upright()
    {
        var planted = PlantedJpeg();
        foreach (var marker in Planted) Assert.True(Contains(planted, marker), $"the test file must carry {marker.TrimEnd('\0')}");
        using (var original = new MagickImage(planted)) Assert.Equal(Orientation.RightTop, original.Orientation);

        var clean = Assert.IsType<CleanPicture>(PictureCleaner.Clean("image/jpeg", planted).Picture);

        Assert.Equal(PictureCleaner.Jpeg, clean.ContentType);
        AssertNothingPlanted(clean.Content);
        using var image = new MagickImage(clean.Content);
        Assert.Equal((MagickFormat.Jpeg, 48u, 64u), (image.Format, image.Width, image.Height)); // rotated as the camera said
        Assert.Null(image.GetExifProfile());
        Assert.Null(image.GetXmpProfile());
        Assert.Null(image.GetIptcProfile());
        Assert.Null(image.GetColorProfile());
        Assert.True(string.IsNullOrEmpty(image.Comment));
    }

    [Fact]
    public void A_png_keeps_only_its_pixels()
    {
        using var source = new MagickImage(MagickColors.Orange, 40, 30);
        source.SetProfile(Exif());
        source.SetProfile(Xmp());
        source.SetAttribute("comment", Gps);
        source.SetAttribute("Location", Device);
        var planted = source.ToByteArray(MagickFormat.Png);
        Assert.True(Contains(planted, Gps), "the test file must carry what it plants");

        var clean = Assert.IsType<CleanPicture>(PictureCleaner.Clean("image/png", planted).Picture);

        Assert.Equal(PictureCleaner.Png, clean.ContentType);
        AssertNothingPlanted(clean.Content);
        foreach (var chunk in new[] { "tEXt", "zTXt", "iTXt", "eXIf", "iCCP", "tIME" }) Assert.False(Contains(clean.Content, chunk), chunk);
        using var image = new MagickImage(clean.Content);
        Assert.Equal((40u, 30u), (image.Width, image.Height));
    }

    [Fact]
    public void A_picture_too_large_to_decode_safely_is_refused_by_its_header_before_its_pixels_are_read()
    {
        var bomb = PngHeaderOnly(20_000, 20_000);

        var outcome = PictureCleaner.Clean("image/png", bomb);

        Assert.Null(outcome.Picture);
        Assert.True(outcome.Refused?.Contains("too large", StringComparison.Ordinal), outcome.Refused);
    }

    [Theory]
    [InlineData("image/jpeg", "png", "not the picture type it claims")]
    [InlineData("image/jpeg", "broken", "could not be read")]
    [InlineData("image/gif", "png", "not a picture type")]
    [InlineData("image/svg+xml", "png", "not a picture type")]
    public void Anything_else_gets_no_copy_and_a_reason(string contentType, string file, string reason)
    {
        byte[] content = file == "png" ? new MagickImage(MagickColors.Red, 4, 4).ToByteArray(MagickFormat.Png) : [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];

        var outcome = PictureCleaner.Clean(contentType, content);

        Assert.Null(outcome.Picture);
        Assert.Contains(reason, outcome.Refused, StringComparison.Ordinal);
    }

    private static byte[] PlantedJpeg()
    {
        using var image = new MagickImage(MagickColors.SteelBlue, 64, 48);
        var exif = Exif();
        exif.SetValue(ExifTag.Orientation, (ushort)6); // rotate 90° clockwise to view
        image.SetProfile(exif);
        image.Orientation = Orientation.RightTop;
        image.SetProfile(Xmp());
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.City, Gps);
        iptc.SetValue(IptcTag.Byline, Device);
        image.SetProfile(iptc);
        image.SetProfile(ColorProfiles.SRGB);
        image.SetAttribute("comment", Gps + " " + Device);
        var primary = image.ToByteArray(MagickFormat.Jpeg);

        // What phones append after the primary image's end: a secondary image with its own EXIF (MPF), a motion photo's video.
        using var secondary = new MagickImage(MagickColors.Gray, 16, 16);
        secondary.SetProfile(Exif());
        var video = Encoding.ASCII.GetBytes($"\0\0\0\u0018ftypmp42\0\0\0\0mp42isom moov {Gps} {Device}");
        return [.. primary, .. Encoding.ASCII.GetBytes($"TRAILER {Gps}"), .. secondary.ToByteArray(MagickFormat.Jpeg), .. video];
    }

    private static ExifProfile Exif()
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(40, 1), new Rational(42, 1), new Rational(46, 1)]);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.ImageDescription, Gps);
        exif.SetValue(ExifTag.Model, Device);
        return exif;
    }

    private static XmpProfile Xmp() => new(Encoding.UTF8.GetBytes($"""
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="{Gps}" exif:Model="{Device}"/>
        </rdf:RDF></x:xmpmeta>
        """));

    /// <summary>GPS and device text, a trailer, a motion photo's video, and the headers of EXIF, XMP, IPTC and ICC segments.</summary>
    private static readonly string[] Planted = [Gps, Device, "TRAILER", "ftyp", "Exif\0", "http://ns.adobe.com/xap", "Photoshop 3.0", "ICC_PROFILE"];

    private static void AssertNothingPlanted(byte[] content)
    {
        foreach (var planted in Planted)
        {
            Assert.False(Contains(content, planted), $"the team's copy still holds {planted.TrimEnd('\0')}");
        }
    }

    private static bool Contains(byte[] content, string text) => content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    /// <summary>A valid PNG header claiming a huge picture, with almost no pixel data: decoding it would need gigabytes.</summary>
    private static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (grey), default compression, filter and interlace
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(new byte[1024]);
        return [0x89, .. "PNG\r\n\x1a\n"u8, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
