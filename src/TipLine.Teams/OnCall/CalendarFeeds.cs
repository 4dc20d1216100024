using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TipLine.Teams.Audit;

namespace TipLine.Teams.OnCall;

/// <summary>Creates, revokes and looks up calendar feed tokens; every change is audited.</summary>
internal sealed class CalendarFeeds(TeamsDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Returns the new token, shown once: a calendar address made with an older one stops working.</summary>
    public async Task<string> CreateAsync(Guid staffId, CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.StaffId == staffId, ct);
        if (feed is null) db.CalendarFeeds.Add(feed = new CalendarFeed { StaffId = staffId, TokenHash = [] });
        feed.TokenHash = Hash(token);
        feed.CreatedAt = clock.GetUtcNow();
        audit.Record(staffId, AuditActions.CreateCalendarFeed, null, allowed: true);
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeAsync(Guid staffId, CancellationToken ct)
    {
        await db.CalendarFeeds.Where(f => f.StaffId == staffId).ExecuteDeleteAsync(ct);
        audit.Record(staffId, AuditActions.RevokeCalendarFeed, null, allowed: true);
        await db.SaveChangesAsync(ct);
    }

    public Task<DateTimeOffset?> CreatedAtAsync(Guid staffId, CancellationToken ct) =>
        db.CalendarFeeds.AsNoTracking().Where(f => f.StaffId == staffId).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(ct);

    /// <summary>
    /// The staff member a token belongs to. The lookup is by hash, so a token's characters are never
    /// compared one by one; a 256-bit token cannot be guessed.
    /// </summary>
    public async Task<Guid?> OwnerAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 40 or > 64) return null;
        var hash = Hash(token);
        return await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.StaffId).SingleOrDefaultAsync(ct);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
