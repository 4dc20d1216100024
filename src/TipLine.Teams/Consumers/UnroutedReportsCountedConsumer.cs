using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Contracts;
using TipLine.Teams.SystemStatus;

namespace TipLine.Teams.Consumers;

/// <summary>Keeps the newest safety-net count for the administrators' view; older counts arriving late are ignored.</summary>
internal sealed class UnroutedReportsCountedConsumer(TeamsDbContext db) : IConsumer<UnroutedReportsCounted>
{
    public async Task Consume(ConsumeContext<UnroutedReportsCounted> context)
    {
        var m = context.Message;
        var row = await db.SystemHealth.SingleOrDefaultAsync(context.CancellationToken);
        if (row is null) db.SystemHealth.Add(row = new SystemHealth());
        else if (row.CountedAt >= m.CountedAt) return;
        row.UnroutedReports = m.Count;
        row.OldestUnroutedAcceptedAt = m.OldestAcceptedAt;
        row.CountedAt = m.CountedAt;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
