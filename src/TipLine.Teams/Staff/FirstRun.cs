using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TipLine.Teams.Audit;

namespace TipLine.Teams.Staff;

internal sealed record FirstAdministrator(string Email, string DisplayName, string Password, string Confirm);

/// <summary>
/// A new installation has no district administrator. At start the teams process makes a link that works once, for
/// <see cref="Lifespan"/>, and prints it (the host does); whoever opens it first creates the first district administrator,
/// who then sets a second factor and invites everyone else. Each start without an administrator replaces the link.
/// </summary>
internal sealed class FirstRun(TeamsDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles,
    SignInManager<StaffUser> signIn, AuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(24);
    public const string Path = "/staff/setup";

    /// <summary>The path and query of a new setup link, or null when the district has an administrator.</summary>
    public async Task<string?> OfferAsync(CancellationToken ct)
    {
        if (await HasAdministratorAsync(ct)) return null;
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var row = await db.SetupTokens.SingleOrDefaultAsync(ct);
        if (row is null) db.SetupTokens.Add(row = new SetupToken { Hash = Hash(token) });
        row.Hash = Hash(token);
        row.ExpiresAt = clock.GetUtcNow() + Lifespan;
        await db.SaveChangesAsync(ct);
        return $"{Path}?token={token}";
    }

    /// <summary>Whether <paramref name="token"/> is the current, unexpired link (compared in constant time).</summary>
    public async Task<bool> IsValidAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || await HasAdministratorAsync(ct)) return false;
        var row = await db.SetupTokens.AsNoTracking().SingleOrDefaultAsync(ct);
        return row is not null && row.ExpiresAt > clock.GetUtcNow() && CryptographicOperations.FixedTimeEquals(row.Hash, Hash(token));
    }

    public async Task<IReadOnlyList<string>> CreateAdministratorAsync(string? token, FirstAdministrator input, CancellationToken ct)
    {
        if (!await IsValidAsync(token, ct)) return [StaffAccounts.NoLongerValid.Replace("Ask your TipLine administrator for a new one", "Restart TipLine for a new one", StringComparison.Ordinal)];
        if (input.Password != input.Confirm) return ["The two passwords are not the same."];
        var email = (input.Email ?? "").Trim();
        var name = (input.DisplayName ?? "").Trim();
        if (name.Length is 0 or > 200) return ["Give your name (at most 200 characters)."];
        // Taking the link's row first, in the transaction that creates the account: of two submissions at once only one
        // deletes it; a refused password rolls back and leaves the link usable.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var hash = Hash(token!);
        if (await db.SetupTokens.Where(t => t.Hash == hash).ExecuteDeleteAsync(ct) != 1) return [StaffAccounts.NoLongerValid];
        var user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, DisplayName = name, EmailConfirmed = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded) return [.. created.Errors.Select(e => e.Description)];
        if (!await roles.RoleExistsAsync(StaffRoles.DistrictAdmin)) await roles.CreateAsync(new IdentityRole<Guid>(StaffRoles.DistrictAdmin));
        await users.AddToRoleAsync(user, StaffRoles.DistrictAdmin);
        audit.Record(user.Id, AuditActions.FirstAdministrator, null, allowed: true);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
        return [];
    }

    private Task<bool> HasAdministratorAsync(CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == StaffRoles.DistrictAdmin select ur).AnyAsync(ct);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
