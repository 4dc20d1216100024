using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Bus.Work;

namespace TipLine.Teams.Escalation;

/// <summary>
/// Deletes early provider statuses nobody claimed within <see cref="EscalationOptions.EarlyStatusKeptFor"/>: a status whose
/// send is recorded is applied and removed within seconds, so an older one belongs to a send that was never recorded.
/// </summary>
internal sealed class EarlyStatusPurge(TeamsDbContext db, IOptions<EscalationOptions> options, TimeProvider clock) : IRecurringPass
{
    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - options.Value.EarlyStatusKeptFor;
        await db.EarlyAlertStatuses.Where(s => s.ReceivedAt < before).ExecuteDeleteAsync(ct);
        // One sweep per interval: nothing is left that is due before the next.
        return false;
    }
}
