using TipLine.Directory;

namespace TipLine.Teams.Staff;

/// <summary>
/// An invitation to a staff account: the account exists without a password until the invitee follows the emailed link,
/// sets one and joins <see cref="TeamId"/> in <see cref="Role"/>. The link's token is Identity's (it holds no secret of
/// ours, expires after <see cref="InvitationTokens.Lifespan"/> and stops working once a password is set).
/// </summary>
internal sealed class StaffInvitation
{
    public Guid StaffId { get; init; }
    public Guid TeamId { get; init; }
    public TeamRole Role { get; init; }
    public bool DistrictAdmin { get; init; }
    public Guid InvitedBy { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
