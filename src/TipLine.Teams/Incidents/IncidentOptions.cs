using System.ComponentModel.DataAnnotations;

namespace TipLine.Teams.Incidents;

/// <summary>
/// When tips are one incident, and when they look like a flood (configuration section "Incidents"). Grouping and the flood
/// mark are signals for the team: nothing is discarded, and a member can undo a grouping.
/// </summary>
internal sealed class IncidentOptions
{
    public const string Section = "Incidents";

    /// <summary>A new tip is compared with the same school's tips received this long before it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How alike (0–1, <see cref="TipSimilarity"/>) two tips read to be grouped as one incident.</summary>
    [Range(0.3, 1.0)]
    public double GroupAt { get; set; } = 0.6;

    /// <summary>How alike two texts are to count as copies of one text (a template or a script).</summary>
    [Range(0.5, 1.0)]
    public double CopyAt { get; set; } = 0.9;

    /// <summary>This many copies of one text (counting the new tip) within <see cref="FloodWindow"/> mark them all a possible flood.</summary>
    [Range(2, 1000)]
    public int FloodCopies { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// This many messages from one reporter's thread (the tip counting) within <see cref="FloodWindow"/> mark its case a possible
    /// flood from one sender. Higher than <see cref="FloodCopies"/>: a frightened student may well text ten short messages in a row.
    /// </summary>
    [Range(5, 10000)]
    public int SenderFloodMessages { get; set; } = 20;

    /// <summary>At most this many of the school's most recent tips are compared with a new one, so a flood stays cheap.</summary>
    [Range(10, 5000)]
    public int MaxCompared { get; set; } = 100;
}
