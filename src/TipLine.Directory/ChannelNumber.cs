namespace TipLine.Directory;

/// <summary>
/// A phone number tips can be texted or called to: a school's own number, or (SchoolId null) a
/// district number shared by several schools, where the reporter names the school by its code.
/// </summary>
public sealed class ChannelNumber
{
    /// <summary>E.164, e.g. +15550101001.</summary>
    public required string Number { get; init; }
    public Guid? SchoolId { get; set; }
}
