using System.ComponentModel.DataAnnotations;

namespace TipLine.Bus.Work;

/// <summary>One kind's queue settings, section <c>Work:&lt;Kind&gt;</c> (e.g. <c>Work:Voicemail:MaxAttempts</c>); validated at start.</summary>
public sealed class WorkOptions
{
    public const string Section = "Work";

    /// <summary>How often an idle worker looks for due items.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A claimed item is taken up again after this long if its worker died: longer than one attempt can take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the first failure; doubled after each further one, up to <see cref="RetryMaxDelay"/>, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The poison limit: attempts (failed, or lost with their worker) before the item is given up and parked as dead.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 6;
}
