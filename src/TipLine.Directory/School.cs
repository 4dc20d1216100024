namespace TipLine.Directory;

/// <summary>A school that takes tips; its reports go to one BTAM team.</summary>
public sealed class School
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>A short code a reporter can type (e.g. in a first text to a shared district number).</summary>
    public required string Code { get; set; }
    public Guid TeamId { get; set; }

    /// <summary>
    /// The district's own entry ("another school or not sure"): a tip whose school is never named lands here, with
    /// the district's 24/7 fallback team. At most one school is district-wide.
    /// </summary>
    public bool IsDistrictWide { get; set; }
}
