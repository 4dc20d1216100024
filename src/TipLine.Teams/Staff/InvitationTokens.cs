using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Teams.Staff;

/// <summary>
/// Identity's data-protection token provider with a longer life for invitations than for password resets (which use
/// the default provider, <see cref="ResetLifespan"/>). Both tokens carry the account's security stamp, so setting a
/// password makes every earlier link useless: each works once.
/// </summary>
internal sealed class InvitationTokens(
    IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<StaffUser>> log)
    : DataProtectorTokenProvider<StaffUser>(protection, options, log)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "invitation";
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(3);
    public static readonly TimeSpan ResetLifespan = TimeSpan.FromHours(2);
}

internal sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions()
    {
        Name = InvitationTokens.ProviderName;
        TokenLifespan = InvitationTokens.Lifespan;
    }
}
