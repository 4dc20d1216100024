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
    /// <summary>Order in the team's listing; a team with no rotation set takes turns in this order.</summary>
    public int RotationOrder { get; set; }

    /// <summary>Where SMS alerts reach this member (E.164), if they take them.</summary>
    public string? AlertPhone { get; set; }

    /// <summary>Where email alerts reach this member, if they take them.</summary>
    public string? AlertEmail { get; set; }

    /// <summary>IANA time zone the member works in, e.g. America/Chicago: their schedule is shown in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Languages the member reads (BCP 47 codes), set by the member: an alert about a tip nobody could translate goes first
    /// to an on-call-eligible member who reads its language.
    /// </summary>
    public List<string> LanguagesRead { get; set; } = [];

    /// <summary>
    /// When a district administrator deactivated the member's account. A deactivated member is left out of every
    /// directory query (a query filter): no team, no on-call turn, no alerts, no cases. The row stays for the history.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
