using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Contracts;
using TipLine.Teams.SystemStatus;

namespace TipLine.Teams.Consumers;

/// <summary>Keeps each module's newest count of work given up for the administrators' view; older counts arriving late are ignored.</summary>
internal sealed class DeadWorkCountedConsumer(TeamsDbContext db) : IConsumer<DeadWorkCounted>
{
    public async Task Consume(ConsumeContext<DeadWorkCounted> context)
    {
        var m = context.Message;
        var row = await db.DeadWork.SingleOrDefaultAsync(f => f.Module == m.Module, context.CancellationToken);
        if (row is null) db.DeadWork.Add(row = new DeadWorkFigures { Module = m.Module });
        else if (row.CountedAt >= m.CountedAt) return;
        row.Counts = [.. m.Counts];
        row.CountedAt = m.CountedAt;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
