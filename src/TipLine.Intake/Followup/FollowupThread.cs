using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Followup;

internal sealed record FollowupView(ReportStatus Status, IReadOnlyList<FollowupMessage> Messages);

/// <summary>The reporter's side of the anonymous conversation.</summary>
internal sealed class FollowupThread(IntakeDbContext db, TimeProvider clock)
{
    public const int MaxAnswerLength = 5000;

    public async Task<FollowupView?> LoadAsync(Guid reportId, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return null;
        var messages = await db.FollowupMessages.AsNoTracking()
            .Where(m => m.ReportId == reportId).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        return new FollowupView(report.Status, messages);
    }

    /// <summary>Stores the answer and publishes it for translation and the case, in one transaction.</summary>
    public async Task AnswerAsync(Guid reportId, string text, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == reportId, ct);
        var now = clock.GetUtcNow();
        var answer = new FollowupMessage
        {
            Id = Guid.NewGuid(),
            ReportId = reportId,
            FromReporter = true,
            Text = text,
            Language = report.Language,
            CreatedAt = now,
        };
        db.FollowupMessages.Add(answer);
        db.AddToOutbox(new ReporterAnswered(answer.Id, reportId, report.SchoolId, text, report.Language, now), now);
        await db.SaveChangesAsync(ct);
    }
}
