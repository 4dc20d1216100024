using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Consumers;

/// <summary>The reporter's status shows that a person is reviewing the report.</summary>
internal sealed class CaseAcknowledgedConsumer(IntakeDbContext db, TimeProvider clock) : IConsumer<CaseAcknowledged>
{
    public Task Consume(ConsumeContext<CaseAcknowledged> context) =>
        db.HandleOnceAsync<CaseAcknowledgedConsumer>(context, clock.GetUtcNow(), ct =>
            db.Reports.Where(r => r.Id == context.Message.ReportId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReportStatus.Reviewing), ct));
}
