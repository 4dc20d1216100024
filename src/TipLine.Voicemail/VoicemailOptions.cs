namespace TipLine.Voicemail;

/// <summary>Settings of section "Voicemail".</summary>
public sealed class VoicemailOptions
{
    public const string Section = "Voicemail";

    /// <summary>"pocketsphinx" (offline, on this machine; the default) or "openai" (an OpenAI-compatible server).</summary>
    public string Transcriber { get; set; } = "pocketsphinx";

    public PocketsphinxOptions Pocketsphinx { get; set; } = new();

    public OpenAiTranscriberOptions OpenAi { get; set; } = new();

    /// <summary>The sox executable (Debian packages sox, and libsox-fmt-mp3 for MP3 recordings).</summary>
    public string SoxPath { get; set; } = "sox";

    /// <summary>Longest a single sox or pocketsphinx run may take before it is killed.</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Larger recordings are refused. A 10-minute 8 kHz 16-bit WAV is about 9.6 MB.</summary>
    public long MaxAudioBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>Parent of the private per-recording scratch directories (e.g. a tmpfs); null: the system temp directory.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>
    /// Pitch shift of the disguised copy, in cents (100 cents = one semitone). sox's pitch effect moves the voice's
    /// fundamental and its formants together, as if a differently sized speaker said the same words.
    /// </summary>
    public int DisguisePitchCents { get; set; } = -400;

    /// <summary>
    /// Each recording is shifted by <see cref="DisguisePitchCents"/> plus a secret random amount in ±this range, so no
    /// single fixed reverse shift restores every caller's voice.
    /// </summary>
    public int DisguisePitchJitterCents { get; set; } = 100;

    /// <summary>The smallest shift (after jitter) that still counts as a disguise.</summary>
    public const int MinimumDisguiseCents = 200;
}

public sealed class PocketsphinxOptions
{
    /// <summary>The decoder from Debian's pocketsphinx package.</summary>
    public string Path { get; set; } = "pocketsphinx_continuous";

    /// <summary>The US English model from Debian's pocketsphinx-en-us package: en-us/, en-us.lm.bin, cmudict-en-us.dict.</summary>
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";
}

public sealed class OpenAiTranscriberOptions
{
    /// <summary>The server's root, e.g. http://127.0.0.1:8080. Required when Transcriber is "openai".</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Relative to <see cref="BaseUrl"/>. whisper.cpp's server answers here when started with
    /// --inference-path /v1/audio/transcriptions (its own default is "inference", which takes the same form).
    /// </summary>
    public string TranscriptionsPath { get; set; } = "v1/audio/transcriptions";

    /// <summary>Sent as the "model" field; whisper.cpp ignores it, faster-whisper servers pick the model by it.</summary>
    public string Model { get; set; } = "whisper-1";

    /// <summary>Sent as a Bearer token when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>One attempt, upload included. CPU inference of a long voicemail takes a while.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxRetryAttempts { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
