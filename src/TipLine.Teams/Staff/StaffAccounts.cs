using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using TipLine.Directory;
using TipLine.Mail;
using TipLine.Teams.Alerts;
using TipLine.Teams.Audit;

namespace TipLine.Teams.Staff;

internal sealed record InvitationRequest(
    string Email, string DisplayName, Guid TeamId,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TeamRole>))] TeamRole Role,
    bool DistrictAdmin = false);

internal enum AccountOutcome { Done, Forbidden, NotFound, Invalid, MailFailed }

internal sealed record AccountResult(AccountOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static readonly AccountResult Done = new(AccountOutcome.Done, []);
    public static readonly AccountResult Forbidden = new(AccountOutcome.Forbidden, []);
    public static readonly AccountResult NotFound = new(AccountOutcome.NotFound, []);
    public static AccountResult Invalid(params string[] errors) => new(AccountOutcome.Invalid, errors);
}

/// <summary>
/// Staff accounts over their life: invited by email (the invitee sets a password, then a second factor), password reset
/// by email, role changes, deactivation that ends the member's sessions at their next request. Every step is audited,
/// refusals too. Emails carry only the link: the token is never stored, and the mail is sent while the administrator
/// waits, so a failure is shown at once and the invitation can be sent again.
/// </summary>
internal sealed class StaffAccounts(
    UserManager<StaffUser> users, SignInManager<StaffUser> signIn, TeamsDbContext db, MemberAdministration members,
    SchoolDirectory directory, AuditLog audit, MailSender mail, IOptions<AlertOptions> alerts, TimeProvider clock)
{
    public const string NoLongerValid = "This link has expired or has been used. Ask your TipLine administrator for a new one.";

    public async Task<AccountResult> InviteAsync(StaffManager by, InvitationRequest request, string baseUrl, CancellationToken ct)
    {
        if (!by.CanManage(request.TeamId) || (request.DistrictAdmin && !by.IsDistrictAdmin))
        {
            await RecordAsync(by.StaffId, AuditActions.Invite, false, request.TeamId, null, ct);
            return AccountResult.Forbidden;
        }
        var email = (request.Email ?? "").Trim();
        var name = (request.DisplayName ?? "").Trim();
        var errors = new List<string>();
        if (!MailboxAddress.TryParse(email, out var address) || address.Address != email || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Give one email address, like name@district.org.");
        }
        if (name.Length is 0 or > 200) errors.Add("Give the member's name (at most 200 characters).");
        if ((await directory.TeamNamesAsync(ct)).GetValueOrDefault(request.TeamId) is not { } teamName) errors.Add("There is no such team.");
        else if (errors.Count == 0)
        {
            var user = await users.FindByEmailAsync(email);
            var invitation = user is null ? null : await db.StaffInvitations.SingleOrDefaultAsync(i => i.StaffId == user.Id && i.AcceptedAt == null, ct);
            if (user is not null && invitation is null) return AccountResult.Invalid($"{email} already has a TipLine account.");
            if (invitation is not null && !by.CanManage(invitation.TeamId))
            {
                // Someone else's open invitation (another team's) is theirs to send again or change.
                await RecordAsync(by.StaffId, AuditActions.Invite, false, invitation.TeamId, user!.Id.ToString(), ct);
                return AccountResult.Forbidden;
            }
            if (user is not null && IsDeactivated(user)) return AccountResult.Invalid($"{email} was deactivated; reactivate the account instead.");
            if (user is null)
            {
                user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, DisplayName = name, LockoutEnabled = true };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) return AccountResult.Invalid([.. created.Errors.Select(e => e.Description)]);
            }
            if (invitation is not null) db.StaffInvitations.Remove(invitation); // sent again, perhaps to another team or role
            db.StaffInvitations.Add(new StaffInvitation
            {
                StaffId = user.Id, TeamId = request.TeamId, Role = request.Role, DistrictAdmin = request.DistrictAdmin,
                InvitedBy = by.StaffId, InvitedAt = clock.GetUtcNow(),
            });
            await RecordAsync(by.StaffId, AuditActions.Invite, true, request.TeamId,
                $"{user.Id} as {request.Role}{(request.DistrictAdmin ? ", district administrator" : "")}", ct);
            var token = await users.GenerateUserTokenAsync(user, InvitationTokens.ProviderName, InvitationTokens.Purpose);
            var link = $"{baseUrl.TrimEnd('/')}/staff/welcome?account={user.Id}&token={Uri.EscapeDataString(token)}";
            var inviter = (await users.FindByIdAsync(by.StaffId.ToString()))?.DisplayName ?? "Your district";
            return await SendAsync(address!, "You are invited to TipLine", $"""
                {inviter} invited you to the {teamName} on TipLine, your district's tip line for behavioral threat assessment.

                Set your password and your sign-in code here within {InvitationTokens.Lifespan.TotalDays:0} days (the link works once):
                {link}

                If you did not expect this invitation, you can ignore it.
                """, ct);
        }
        return AccountResult.Invalid([.. errors]);
    }

    /// <summary>The invitee's step: checks the link, sets the password, joins the team, and signs in (then the second factor).</summary>
    public async Task<AccountResult> AcceptAsync(Guid account, string? token, string? password, string? confirm, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(account.ToString());
        var invitation = await db.StaffInvitations.SingleOrDefaultAsync(i => i.StaffId == account && i.AcceptedAt == null, ct);
        if (user is null || invitation is null || string.IsNullOrEmpty(token) || IsDeactivated(user)
            || !await users.VerifyUserTokenAsync(user, InvitationTokens.ProviderName, InvitationTokens.Purpose, token))
        {
            return AccountResult.Invalid(NoLongerValid);
        }
        if (password != confirm) return AccountResult.Invalid("The two passwords are not the same.");
        var set = await users.AddPasswordAsync(user, password ?? "");
        if (!set.Succeeded) return AccountResult.Invalid([.. set.Errors.Select(e => e.Description)]);
        await JoinAsync(user, invitation, "password", ct);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim("amr", "pwd")]);
        return AccountResult.Done;
    }

    /// <summary>
    /// The account's open invitation, if any, is accepted: the member joins the team they were invited to. Single sign-on
    /// does this for an invitee who signs in with the district's provider instead of following the emailed link.
    /// </summary>
    public async Task AcceptOpenInvitationAsync(StaffUser user, CancellationToken ct)
    {
        if (await OpenInvitationAsync(user, ct) is { } invitation) await JoinAsync(user, invitation, "single sign-on", ct);
    }

    /// <summary>The account's invitation, while its emailed link would still work.</summary>
    public async Task<StaffInvitation?> OpenInvitationAsync(StaffUser user, CancellationToken ct)
    {
        var invitation = await db.StaffInvitations.SingleOrDefaultAsync(i => i.StaffId == user.Id && i.AcceptedAt == null, ct);
        return invitation is not null && invitation.InvitedAt + InvitationTokens.Lifespan > clock.GetUtcNow() ? invitation : null;
    }

    private async Task JoinAsync(StaffUser user, StaffInvitation invitation, string how, CancellationToken ct)
    {
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await members.AddAsync(user.Id, user.DisplayName, invitation.TeamId, invitation.Role, ct);
        if (invitation.DistrictAdmin) await users.AddToRoleAsync(user, StaffRoles.DistrictAdmin);
        invitation.AcceptedAt = clock.GetUtcNow();
        await RecordAsync(user.Id, AuditActions.AcceptInvitation, true, invitation.TeamId, how, ct);
    }

    /// <summary>Always the same answer to the asker, so the page does not tell who has an account.</summary>
    public async Task RequestResetAsync(string? email, string? baseUrl, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        var usable = user is not null && !IsDeactivated(user) && await users.HasPasswordAsync(user)
            && await members.FindAsync(user.Id, ct) is not { DeactivatedAt: not null };
        await RecordAsync(user?.Id ?? Guid.Empty, AuditActions.RequestPasswordReset, usable, null, user is null ? "unknown account" : usable ? null : "no usable account", ct);
        // Without Alerts:StaffBaseUrl no reset link is sent: it would have to trust the request's Host header.
        if (!usable || baseUrl is null || !MailboxAddress.TryParse(user!.Email, out var address)) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{baseUrl.TrimEnd('/')}/staff/reset?account={user.Id}&token={Uri.EscapeDataString(token)}";
        await SendAsync(address, "Reset your TipLine password", $"""
            Someone asked to reset the password of your TipLine account. To choose a new one, open this link within {InvitationTokens.ResetLifespan.TotalHours:0} hours (it works once):
            {link}

            If it was not you, ignore this email: your password stays as it is. Your sign-in code is still needed after a reset.
            """, ct);
    }

    public async Task<AccountResult> ResetAsync(Guid account, string? token, string? password, string? confirm, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(account.ToString());
        if (user is null || string.IsNullOrEmpty(token) || IsDeactivated(user) || await members.FindAsync(account, ct) is { DeactivatedAt: not null }
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<StaffUser>.ResetPasswordTokenPurpose, token))
        {
            return AccountResult.Invalid(NoLongerValid);
        }
        if (password != confirm) return AccountResult.Invalid("The two passwords are not the same.");
        // Changes the security stamp: the link stops working and every open session of the account ends.
        var reset = await users.ResetPasswordAsync(user, token, password ?? "");
        if (!reset.Succeeded) return AccountResult.Invalid([.. reset.Errors.Select(e => e.Description)]);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await RecordAsync(user.Id, AuditActions.ResetPassword, true, (await members.FindAsync(user.Id, ct))?.TeamId, null, ct);
        return AccountResult.Done;
    }

    /// <summary>Locks the account for good and ends its sessions (the security stamp is checked on every request).</summary>
    public Task<AccountResult> DeactivateAsync(StaffManager by, Guid staffId, CancellationToken ct) => ChangeAsync(by, staffId, AuditActions.Deactivate,
        async (user, member) =>
        {
            if (staffId == by.StaffId) return AccountResult.Invalid("You cannot deactivate your own account.");
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            if (member is not null) await members.DeactivateAsync(staffId, ct);
            return AccountResult.Done;
        }, null, ct);

    public Task<AccountResult> ReactivateAsync(StaffManager by, Guid staffId, CancellationToken ct) => ChangeAsync(by, staffId, AuditActions.Reactivate,
        async (user, member) =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            if (member is not null) await members.ReactivateAsync(staffId, ct);
            return AccountResult.Done;
        }, null, ct);

    public Task<AccountResult> ChangeRoleAsync(StaffManager by, Guid staffId, TeamRole role, CancellationToken ct) => ChangeAsync(by, staffId, AuditActions.ChangeRole,
        async (_, member) =>
        {
            if (member is null) return AccountResult.Invalid("This account is not on a team.");
            if (staffId == by.StaffId && !by.IsDistrictAdmin) return AccountResult.Invalid("Ask another administrator to change your own role.");
            await members.SetRoleAsync(staffId, role, ct);
            return AccountResult.Done;
        }, member => $"{staffId}: {member?.Role} → {role}", ct);

    private async Task<AccountResult> ChangeAsync(StaffManager by, Guid staffId, string action,
        Func<StaffUser, TeamMember?, Task<AccountResult>> change, Func<TeamMember?, string>? detail, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(staffId.ToString());
        if (user is null) return AccountResult.NotFound;
        var member = await members.FindAsync(staffId, ct);
        // Someone invited but not yet joined belongs to the team they were invited to: its administrator may withdraw that.
        var teamId = member?.TeamId ?? await db.StaffInvitations
            .Where(i => i.StaffId == staffId && i.AcceptedAt == null && !i.DistrictAdmin).Select(i => (Guid?)i.TeamId).SingleOrDefaultAsync(ct);
        // An account on no team (e.g. the first administrator), or a district administrator, is the district administrators' to manage.
        var allowed = teamId is null || await users.IsInRoleAsync(user, StaffRoles.DistrictAdmin) ? by.IsDistrictAdmin : by.CanManage(teamId.Value);
        if (!allowed)
        {
            await RecordAsync(by.StaffId, action, false, teamId, staffId.ToString(), ct);
            return AccountResult.Forbidden;
        }
        var text = detail?.Invoke(member) ?? staffId.ToString();
        var result = await change(user, member);
        if (result.Outcome == AccountOutcome.Done) await RecordAsync(by.StaffId, action, true, teamId, text, ct);
        return result;
    }

    /// <summary>Deactivation locks the account for good; a team membership may not exist (district administrators).</summary>
    public static bool IsDeactivated(StaffUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    private async Task<AccountResult> SendAsync(MailboxAddress to, string subject, string text, CancellationToken ct)
    {
        if (!MailboxAddress.TryParse(alerts.Value.EmailFrom, out var from))
        {
            return new AccountResult(AccountOutcome.MailFailed, ["Alerts:EmailFrom is not set, so TipLine cannot send email."]);
        }
        var message = new MimeMessage { Subject = subject, Body = new TextPart(TextFormat.Plain) { Text = text } };
        message.From.Add(from);
        message.To.Add(to);
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        return await mail.SendAsync(message, ct) switch
        {
            MailSent => AccountResult.Done,
            MailRefused refused => new AccountResult(AccountOutcome.MailFailed, [$"The mail server refused the email ({refused.Reason}). Send it again later."]),
            var failed => new AccountResult(AccountOutcome.MailFailed, [$"The email could not be sent ({failed.GetType().Name}). Send it again later."]),
        };
    }

    private async Task RecordAsync(Guid actor, string action, bool allowed, Guid? teamId, string? detail, CancellationToken ct)
    {
        audit.Record(actor, action, null, allowed, teamId, detail);
        await db.SaveChangesAsync(ct);
    }
}
