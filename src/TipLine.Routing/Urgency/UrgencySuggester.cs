using TipLine.Contracts;

namespace TipLine.Routing.Urgency;

internal sealed record UrgencySuggestion(SuggestedUrgency Urgency, IReadOnlyList<string> Categories);

/// <summary>
/// Suggests urgency from what a tip says (weapon, explicit threat, time and place, self-harm) so that it routes and
/// escalates faster. Every text is read with the keyword list of every reporter language (<see cref="UrgencyKeywords"/>):
/// a threat counts even when the tip's language was detected wrongly, or it mixes languages, or there is no translation.
/// It reads the tip, never a student: the team sets the level of concern.
/// </summary>
internal static class UrgencySuggester
{
    public static UrgencySuggestion Suggest(bool dangerNow, params IEnumerable<string?> texts)
    {
        var text = TipText.Of(string.Join('\n', texts.Where(t => t is not null)));
        var found = KeywordList.Categories
            .Where(category => UrgencyKeywords.All.Any(list => list.Matches(category, text)))
            .ToHashSet();
        var categories = found.Where(c => c != "soon").ToList();
        var weapon = found.Contains("weapon");

        var urgency = dangerNow || (weapon && (found.Contains("threat") || found.Contains("soon")))
            ? SuggestedUrgency.Imminent
            : categories.Any(c => c is "weapon" or "threat" or "self-harm") ? SuggestedUrgency.High : SuggestedUrgency.Routine;
        return new UrgencySuggestion(urgency, categories);
    }
}
