using ImageMagick;

namespace TipLine.Intake.Pictures;

/// <summary>A picture the team may see: re-encoded pixels and nothing else.</summary>
internal sealed record CleanPicture(string ContentType, byte[] Content);

/// <summary>What became of a file: a clean copy, or why there is none (said on the case; the original stays sealed).</summary>
internal sealed record PictureOutcome(CleanPicture? Picture, string? Refused)
{
    public static PictureOutcome Refuse(string why) => new(null, why);
}

/// <summary>
/// Makes the team's copy of a reporter's picture by decoding it with ImageMagick (Magick.NET) and encoding the pixels
/// again, turned upright first: nothing but pixels survives — no EXIF (GPS, device), XMP, IPTC, ICC profile, comments,
/// data after the end of the image, secondary images (MPF) or a motion photo's video. JPEG, HEIC/HEIF and WebP become
/// JPEG; PNG stays PNG (without its time and text chunks). The file's own signature must match its declared type, and only
/// that decoder is used (never ImageMagick's guess, which would open coders such as SVG or MVG). A picture larger than
/// <see cref="MaxPixels"/> or <see cref="MaxSide"/>, by its header, is refused before its pixels are decoded, and
/// ImageMagick's own resource limits hold during decoding: a decompression bomb costs little.
/// </summary>
internal static class PictureCleaner
{
    public const int MaxSide = 12_000;
    public const long MaxPixels = 50_000_000;
    public const string Jpeg = "image/jpeg", Png = "image/png";

    private static readonly Dictionary<string, MagickFormat> Decoders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = MagickFormat.Jpeg, ["image/jpg"] = MagickFormat.Jpeg, ["image/pjpeg"] = MagickFormat.Jpeg,
        ["image/png"] = MagickFormat.Png,
        ["image/heic"] = MagickFormat.Heic, ["image/heif"] = MagickFormat.Heic,
        ["image/webp"] = MagickFormat.WebP,
    };

    static PictureCleaner()
    {
        // Above our own limits, so the header of an oversized picture is still read and refused with its size.
        ResourceLimits.Width = 100_000;
        ResourceLimits.Height = 100_000;
        ResourceLimits.Area = (ulong)MaxPixels * 4;
        ResourceLimits.Memory = 512UL * 1024 * 1024;
    }

    /// <summary>Whether a file of this type is a picture we make a copy of for the team.</summary>
    public static bool IsPicture(string contentType) => Decoders.ContainsKey(MediaType(contentType));

    public static PictureOutcome Clean(string contentType, byte[] content)
    {
        if (!Decoders.TryGetValue(MediaType(contentType), out var format)) return PictureOutcome.Refuse("not a picture type TipLine shows");
        if (!SignatureMatches(format, content)) return PictureOutcome.Refuse("the file is not the picture type it claims to be");
        try
        {
            var settings = new MagickReadSettings { Format = format, FrameIndex = 0, FrameCount = 1 };
            var info = new MagickImageInfo(content, settings);
            if (info.Width > MaxSide || info.Height > MaxSide || (long)info.Width * info.Height > MaxPixels)
            {
                return PictureOutcome.Refuse($"the picture is too large to show safely ({info.Width}×{info.Height})");
            }
            using var image = new MagickImage(content, settings);
            image.AutoOrient();
            image.Strip();
            var png = format == MagickFormat.Png;
            if (png)
            {
                image.Settings.SetDefine(MagickFormat.Png, "exclude-chunk", "bKGD,cHRM,EXIF,gAMA,iCCP,iTXt,sRGB,tEXt,zCCP,zTXt,date,time");
            }
            else
            {
                image.Quality = 90;
                // A JPEG without a profile is assumed sRGB by viewers; keep the colours near what the reporter saw.
                image.ColorSpace = ColorSpace.sRGB;
            }
            var output = image.ToByteArray(png ? MagickFormat.Png : MagickFormat.Jpeg);
            return new PictureOutcome(new CleanPicture(png ? Png : Jpeg, output), null);
        }
        catch (MagickResourceLimitErrorException)
        {
            return PictureOutcome.Refuse("the picture is too large to show safely");
        }
        catch (MagickException)
        {
            return PictureOutcome.Refuse("the picture could not be read");
        }
    }

    private static string MediaType(string contentType) => contentType.Split(';')[0].Trim();

    private static bool SignatureMatches(MagickFormat format, ReadOnlySpan<byte> data) => format switch
    {
        MagickFormat.Jpeg => data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        MagickFormat.Png => data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]),
        MagickFormat.WebP => data.Length > 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8),
        MagickFormat.Heic => data.Length > 12 && data[4..8].SequenceEqual("ftyp"u8),
        _ => false,
    };
}
