using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Directory.Schedules;
using TipLine.Routing.Translation;
using TipLine.Routing.Urgency;

namespace TipLine.Routing;

/// <summary>
/// Routes one accepted report: the school's team, translation into the team's language (keeping
/// the original; never blocking), an urgency suggestion (at least High for a tip nobody can read yet), the member on call by the team's schedule
/// (or the district's 24/7 fallback) when it is routed, then ReportRouted.
/// </summary>
internal sealed class ReportRouter(
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
        var readability = Readability(report, translated);
        // Keywords cannot promise to catch a threat in a text nobody can read: a person must read it within the High time.
        var urgency = readability == TipReadability.Read || suggestion.Urgency >= SuggestedUrgency.High
            ? suggestion.Urgency : SuggestedUrgency.High;
        var now = clock.GetUtcNow();
        var onCallMember = (await onCall.OnCallNowAsync(team.TeamId, now, ct))?.MemberId;
        db.AddToOutbox(new ReportRouted(report.ReportId, report.SchoolId, team.TeamId, onCallMember, report.Channel, report.Pseudonym,
            report.Language, team.WorkingLanguage, report.Content, translated.Translation, translated.NeedsTranslation,
            urgency, suggestion.Categories, report.DangerNow, report.AcceptedAt, now, report.AttachmentIds,
            report.SenderVerified, readability, translated.Engine), now);
    }

    private static TipReadability Readability(ReportSubmitted report, TranslatedTip translated) =>
        report.NotTranscribed ? TipReadability.NotTranscribed
        : report.Language == LanguageCodes.Unknown ? TipReadability.LanguageUnknown
        : translated.NeedsTranslation ? TipReadability.NotTranslated
        : TipReadability.Read;
}
