namespace TipLine.Intake.Channels.Sms;

/// <summary>Settings of section "Mms": how the worker downloads pictures sent by MMS.</summary>
public sealed class MmsOptions
{
    public const string Section = "Mms";

    /// <summary>How often the worker looks for queued media when it found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A claimed file is retried after this long if its worker died; longer than one download.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First delay after a failed download; doubled on each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed downloads the file is given up (logged by type only).</summary>
    public int MaxAttempts { get; set; } = 6;
}
