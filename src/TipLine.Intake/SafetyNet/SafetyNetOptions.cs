namespace TipLine.Intake.SafetyNet;

internal sealed class SafetyNetOptions
{
    /// <summary>A report not in a team queue this long after acceptance is published again.</summary>
    public TimeSpan RouteWithin { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
