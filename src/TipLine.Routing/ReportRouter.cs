using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Directory.Schedules;
using TipLine.Routing.Translation;
using TipLine.Routing.Urgency;

namespace TipLine.Routing;

/// <summary>
/// Routes one accepted report: the school's team, translation into the team's language (keeping
/// the original; never blocking), an urgency suggestion, the member on call by the team's schedule
/// (or the district's 24/7 fallback) when it is routed, then ReportRouted.
/// </summary>
public sealed class ReportRouter(
    RoutingDbContext db, SchoolDirectory directory, TipTranslation translation, OnCallDirectory onCall, TimeProvider clock)
{
    public async Task RouteAsync(ReportSubmitted report, CancellationToken ct)
    {
        var team = await directory.TeamForSchoolAsync(report.SchoolId, ct)
            ?? throw new InvalidOperationException($"School {report.SchoolId} has no team.");
        var translated = await translation.TranslateAsync(report.Content, report.Language, team.WorkingLanguage, ct);
        var content = translated.Translation ?? report.Content;
        var suggestion = UrgencySuggester.Suggest(report.DangerNow,
            report.Content.WhatHappened, report.Content.WhenAndWhere, content.WhatHappened, content.WhenAndWhere);
        var now = clock.GetUtcNow();
        var onCallMember = (await onCall.OnCallNowAsync(team.TeamId, now, ct))?.MemberId;
        db.AddToOutbox(new ReportRouted(report.ReportId, report.SchoolId, team.TeamId, onCallMember, report.Channel, report.Pseudonym,
            report.Language, team.WorkingLanguage, report.Content, translated.Translation, translated.NeedsTranslation,
            suggestion.Urgency, suggestion.Categories, report.DangerNow, report.AcceptedAt, now, report.AttachmentIds,
            report.SenderVerified), now);
    }
}
