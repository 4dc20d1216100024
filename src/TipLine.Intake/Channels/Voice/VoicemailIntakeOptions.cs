namespace TipLine.Intake.Channels.Voice;

/// <summary>Settings of section "VoiceIntake": how the worker takes queued recordings.</summary>
public sealed class VoicemailIntakeOptions
{
    public const string Section = "VoiceIntake";

    /// <summary>How often the worker looks for queued recordings when it found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A claimed recording is retried after this long if its worker died; longer than download + transcription + disguise.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>First delay after a failed attempt; doubled on each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed downloads the tip is accepted without its audio, so it is still routed.</summary>
    public int MaxAttempts { get; set; } = 6;
}
