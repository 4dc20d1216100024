using System.Text.RegularExpressions;
using TipLine.Contracts;

namespace TipLine.Routing.Urgency;

public sealed record UrgencySuggestion(SuggestedUrgency Urgency, IReadOnlyList<string> Categories);

/// <summary>
/// Suggests urgency from what a tip says (weapon, explicit threat, time and place, self-harm), in
/// English and Spanish, so that it routes and escalates faster. It reads the tip, never a student:
/// the team sets the level of concern.
/// </summary>
public static partial class UrgencySuggester
{
    public static UrgencySuggestion Suggest(bool dangerNow, params IEnumerable<string?> texts)
    {
        var text = string.Join('\n', texts.Where(t => t is not null)).ToLowerInvariant();
        var categories = new List<string>();
        if (Weapon().IsMatch(text)) categories.Add("weapon");
        if (Threat().IsMatch(text)) categories.Add("threat");
        if (SelfHarm().IsMatch(text)) categories.Add("self-harm");
        if (Bullying().IsMatch(text)) categories.Add("bullying");
        var soon = TimeOrPlace().IsMatch(text);

        var urgency = dangerNow || (categories.Contains("weapon") && (categories.Contains("threat") || soon))
            ? SuggestedUrgency.Imminent
            : categories.Any(c => c is "weapon" or "threat" or "self-harm") ? SuggestedUrgency.High : SuggestedUrgency.Routine;
        return new UrgencySuggestion(urgency, categories);
    }

    [GeneratedRegex(@"\b(guns?|firearms?|rifles?|pistols?|knife|knives|weapons?|bombs?|explosives?|ammo|ammunition|armas?|pistolas?|cuchillos?|navajas?|bombas?|explosivos?|rifles?|balas)\b")]
    private static partial Regex Weapon();

    [GeneratedRegex(@"\b(kill|killing|shoot|shooting|stab|stabbing|blow up|hurt (them|him|her|everyone|people)|threat(en|ened|ening|s)?|hit list|matar|disparar|apuñalar|amenaz\w*|lastimar a|balacera|tiroteo)\b")]
    private static partial Regex Threat();

    [GeneratedRegex(@"\b(suicid\w*|kill (myself|himself|herself|themselves)|end (my|his|her|their) life|self[- ]harm|cutting (myself|himself|herself)|hurt (myself|himself|herself)|quitarse la vida|quitarme la vida|hacerse daño|hacerme daño|cortarse)\b")]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\b(bull(y|ies|ied|ying)|harass\w*|acoso|acosa\w*|intimida\w*|molesta\w*)\b")]
    private static partial Regex Bullying();

    [GeneratedRegex(@"\b(now|today|tonight|tomorrow|this (morning|afternoon|week)|at (lunch|recess|school)|ahora|hoy|esta noche|mañana|en el almuerzo|en la escuela|en el recreo)\b")]
    private static partial Regex TimeOrPlace();
}
