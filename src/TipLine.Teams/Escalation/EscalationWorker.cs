using TipLine.Bus;

namespace TipLine.Teams.Escalation;

/// <summary>The alert queue's work: send a due alert first, else advance a due escalation.</summary>
public sealed class EscalationWorker(AlertDelivery delivery, EscalationSteps steps) : IQueuedWork
{
    public async Task<bool> ProcessNextAsync(CancellationToken ct) =>
        await delivery.SendNextAsync(ct) || await steps.AdvanceNextAsync(ct);
}
