using TipLine.Bus;
using TipLine.Bus.Work;

namespace TipLine.Teams.Escalation;

/// <summary>The alert queue's work: send a due alert first, else advance a due escalation.</summary>
public sealed class EscalationWorker(AlertDelivery delivery, EscalationSteps steps) : IRecurringPass
{
    public async Task<bool> ProcessNextAsync(CancellationToken ct) =>
        await delivery.SendNextAsync(ct) || await steps.AdvanceNextAsync(ct);
}
