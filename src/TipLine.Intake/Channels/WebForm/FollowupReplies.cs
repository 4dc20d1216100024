using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Contracts;
using TipLine.Intake.Followup;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Channels.WebForm;

/// <summary>
/// A web reporter's question waits at /report/followup for their receipt. When they left a contact for it, one
/// content-free notice tells them something is waiting (<see cref="ReplyNoticeSender"/>).
/// </summary>
internal sealed class FollowupReplies(IntakeDbContext db, IOptions<ReplyNoticeOptions> notices, TimeProvider clock) : IReporterReplies
{
    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.WebForm];

    public async Task QueueAsync(ReporterQuestionReady question, CancellationToken ct)
    {
        db.FollowupMessages.Add(FollowupMessage.Question(question));
        var settings = notices.Value;
        // One notice waits at a time per report: several questions asked together make one message.
        if ((settings.BySms || settings.ByEmail) && await db.SealedContacts.AnyAsync(c => c.ReportId == question.ReportId, ct)
            && !await db.ReplyNotices.AnyAsync(n => n.ReportId == question.ReportId && n.DeadAt == null, ct))
        {
            // In the language the reporter chose on the form, whatever language the question could be put in.
            var language = await db.Reports.Where(r => r.Id == question.ReportId).Select(r => r.Language).SingleAsync(ct);
            db.ReplyNotices.Add(new PendingReplyNotice
            {
                Id = Guid.NewGuid(), ReportId = question.ReportId, Language = language, CreatedAt = question.AskedAt, NextAttemptAt = clock.GetUtcNow(),
            });
        }
    }
}
