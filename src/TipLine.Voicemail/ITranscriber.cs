namespace TipLine.Voicemail;

/// <summary>Speech to text for a voicemail recording.</summary>
public interface ITranscriber
{
    /// <summary>
    /// Transcribes <paramref name="audio"/> (<c>audio/wav</c> or <c>audio/mpeg</c>). A failed or refused transcription
    /// answers <see cref="Transcript.Succeeded"/> = false rather than throwing, so the voicemail is routed anyway;
    /// a missing tool or model throws <see cref="AudioToolMissingException"/>, which needs an operator.
    /// </summary>
    /// <param name="languageHint">The caller's language if known (e.g. "en", "es"), or null.</param>
    Task<Transcript> TranscribeAsync(Stream audio, string contentType, string? languageHint, CancellationToken ct);
}

/// <summary>A transcription. <see cref="Text"/> may be empty when the engine heard no speech.</summary>
/// <param name="Language">The transcript's language when the engine knows it, else null.</param>
public sealed record Transcript(string Text, string? Language, bool Succeeded)
{
    public static Transcript Failed { get; } = new(string.Empty, null, false);
}
