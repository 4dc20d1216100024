using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Teams.Cases;

namespace TipLine.Teams.Consumers;

/// <summary>A file added to a report (a cleaned MMS picture) joins its case; kept aside if the case is not open yet.</summary>
internal sealed class ReportAttachmentAddedConsumer(TeamsDbContext db, TimeProvider clock) : IConsumer<ReportAttachmentAdded>
{
    public Task Consume(ConsumeContext<ReportAttachmentAdded> context) =>
        db.HandleOnceAsync<ReportAttachmentAddedConsumer>(context, clock.GetUtcNow(), async ct =>
        {
            var a = context.Message;
            await ReportLock.TakeAsync(db, a.ReportId, ct);
            var caseId = await db.Cases.Where(c => c.ReportId == a.ReportId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            if (caseId is { } id)
            {
                if (!await db.CaseAttachments.AnyAsync(x => x.CaseId == id && x.AttachmentId == a.AttachmentId, ct))
                {
                    db.CaseAttachments.Add(new CaseAttachment { CaseId = id, AttachmentId = a.AttachmentId });
                }
            }
            else if (!await db.EarlyAttachments.AnyAsync(x => x.AttachmentId == a.AttachmentId, ct))
            {
                db.EarlyAttachments.Add(new EarlyAttachment { AttachmentId = a.AttachmentId, ReportId = a.ReportId, AddedAt = a.At });
            }
        });
}
