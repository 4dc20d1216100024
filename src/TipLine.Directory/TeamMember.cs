namespace TipLine.Directory;

public enum TeamRole
{
    Administrator,
    MentalHealthProfessional,
    LawEnforcementLiaison,
}

/// <summary>A staff member on a team; the id is the staff account's id.</summary>
public sealed class TeamMember
{
    public Guid Id { get; init; }
    public Guid TeamId { get; set; }
    public required string DisplayName { get; set; }
    public TeamRole Role { get; set; }
    /// <summary>Position in the team's on-call rotation.</summary>
    public int RotationOrder { get; set; }
}
