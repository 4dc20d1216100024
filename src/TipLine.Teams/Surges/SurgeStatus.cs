using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Teams.Audit;

namespace TipLine.Teams.Surges;

/// <summary>What the staff pages' surge banner says.</summary>
internal sealed record SurgeBanner(bool Detected, int RecentTips, TimeSpan Window, double UsualPerMinute, bool ModeOn, DateTimeOffset? ModeChangedAt,
    TimeSpan ModeAlertWindow);

/// <summary>The surge as staff see it, and surge mode, which only a district administrator turns on or off (audited).</summary>
internal sealed class SurgeStatus(TeamsDbContext db, AuditLog audit, IOptions<SurgeOptions> options, TimeProvider clock)
{
    public async Task<SurgeBanner> CurrentAsync(CancellationToken ct)
    {
        var state = await db.SurgeStates.AsNoTracking().SingleOrDefaultAsync(ct) ?? new SurgeState();
        return new SurgeBanner(state.DetectedAt is not null, state.RecentTips, options.Value.Window, state.UsualPerMinute, state.ModeOn,
            state.ModeChangedAt, options.Value.AlertWindow);
    }

    /// <summary>Whether surge mode is on; read by every alert, so it takes effect at once in every process.</summary>
    public Task<bool> ModeOnAsync(CancellationToken ct) => db.SurgeStates.AnyAsync(s => s.ModeOn, ct);

    public async Task SetModeAsync(Guid staffId, bool on, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = await db.SurgeStates.FromSql($"SELECT * FROM teams.surge_state WHERE \"Id\" = {SurgeState.TheRow} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (state is null) db.SurgeStates.Add(state = new SurgeState());
        if (state.ModeOn != on)
        {
            state.ModeOn = on;
            state.ModeChangedBy = staffId;
            state.ModeChangedAt = now;
        }
        audit.Record(staffId, on ? AuditActions.SurgeModeOn : AuditActions.SurgeModeOff, null, allowed: true);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
