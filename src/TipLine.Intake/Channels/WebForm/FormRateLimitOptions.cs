using System.ComponentModel.DataAnnotations;

namespace TipLine.Intake.Channels.WebForm;

/// <summary>
/// Section "RateLimits": how many web-form posts (a report, opening a follow-up, an answer) TipLine takes per window,
/// from everyone together and from one client. Texts, calls and mail are never limited: Twilio does not retry a 429.
/// </summary>
public sealed class FormRateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Posts from all clients together per window: what the server can take while routing keeps up.</summary>
    [Range(1, 1_000_000)]
    public int FormPerWindow { get; set; } = 3000;

    /// <summary>
    /// Posts from one client per window. A school network behind one address counts as one client, so this is set for a
    /// class reporting at once, not for one person.
    /// </summary>
    [Range(1, 100_000)]
    public int FormPerClientPerWindow { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one in-memory key derives clients' partition keys before a new random key replaces it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ClientKeyRotation { get; set; } = TimeSpan.FromHours(1);
}
