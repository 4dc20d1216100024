namespace TipLine.Directory.Settings;

/// <summary>
/// One configuration key a district administrator set in TipLine (e.g. <c>Escalation:High:EscalateAfter</c>). It wins
/// over the same key in configuration, which stays the default for every key never set here.
/// </summary>
public sealed class DistrictSetting
{
    public required string Key { get; init; }
    public required string Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
}
