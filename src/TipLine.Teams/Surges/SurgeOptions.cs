using System.ComponentModel.DataAnnotations;

namespace TipLine.Teams.Surges;

/// <summary>
/// When the district is in a surge (configuration section "Surge"): tips per minute over the last <see cref="Window"/> above
/// <see cref="Multiple"/> times the usual rate of the <see cref="Baseline"/> before it, and at least <see cref="MinimumTips"/>
/// tips, so a quiet district's third tip of the day is not a surge.
/// </summary>
internal sealed class SurgeOptions
{
    public const string Section = "Surge";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan Baseline { get; set; } = TimeSpan.FromDays(14);

    [Range(1.5, 100.0)]
    public double Multiple { get; set; } = 3;

    [Range(2, 100_000)]
    public int MinimumTips { get; set; } = 20;

    /// <summary>How often the rate is measured.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While a district administrator has surge mode on, each member gets at most one alert per method in this window, every
    /// incident together ("12 new tips for Lincoln High School, 3 IMMINENT-urgency"); routine tips wait for the digest as always.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromMinutes(5);
}
