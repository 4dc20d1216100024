using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Teams.Cases;

namespace TipLine.Teams.Consumers;

/// <summary>Keeps intake's note on a report for its case page, once.</summary>
internal sealed class ReportNotedConsumer(TeamsDbContext db, TimeProvider clock) : IConsumer<ReportNoted>
{
    public Task Consume(ConsumeContext<ReportNoted> context) =>
        db.HandleOnceAsync<ReportNotedConsumer>(context, clock.GetUtcNow(), async ct =>
        {
            var n = context.Message;
            if (await db.ReportNotes.AnyAsync(x => x.Id == n.NoteId, ct)) return;
            db.ReportNotes.Add(new ReportNote { Id = n.NoteId, ReportId = n.ReportId, Text = n.Note.Length > 300 ? n.Note[..300] : n.Note, At = n.At });
        });
}
