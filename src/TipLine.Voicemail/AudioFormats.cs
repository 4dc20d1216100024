using System.Net.Http.Headers;

namespace TipLine.Voicemail;

/// <summary>The recording formats we accept: Twilio sends WAV by default and MP3 on request.</summary>
internal static class AudioFormats
{
    /// <summary>The sox file type ("wav" or "mp3") for a content type such as <c>audio/x-wav</c> or <c>audio/mpeg; charset=...</c>.</summary>
    public static string SoxType(string contentType)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType : contentType;
        return mediaType?.Trim().ToLowerInvariant() switch
        {
            "audio/wav" or "audio/x-wav" or "audio/wave" or "audio/vnd.wave" => "wav",
            "audio/mpeg" or "audio/mp3" or "audio/mpeg3" or "audio/x-mpeg-3" => "mp3",
            _ => throw new ArgumentException($"Unsupported recording type '{contentType}': expected audio/wav or audio/mpeg.", nameof(contentType)),
        };
    }
}
