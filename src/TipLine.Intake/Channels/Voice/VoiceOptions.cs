using System.ComponentModel.DataAnnotations;

namespace TipLine.Intake.Channels.Voice;

/// <summary>Section <c>Voice</c>: what the phone line offers callers. Validated at start.</summary>
internal sealed class VoiceOptions : IValidatableObject
{
    public const string Section = "Voice";

    /// <summary>
    /// The phone menu's languages in the order of their keys (1, 2, ...), comma-separated codes. Each must be one Twilio
    /// speaks (<see cref="VoiceLanguages"/>); a caller who presses nothing is recorded in the first.
    /// </summary>
    public string MenuLanguages { get; set; } = "en,es";

    public IReadOnlyList<string> Menu =>
        [.. MenuLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var menu = Menu;
        if (menu.Count is 0 or > 9) yield return new ValidationResult("Voice:MenuLanguages must list one to nine languages (one key each).");
        if (menu.Distinct(StringComparer.OrdinalIgnoreCase).Count() != menu.Count) yield return new ValidationResult("Voice:MenuLanguages lists a language twice.");
        foreach (var code in menu.Where(c => VoiceLanguages.Of(c) is null))
        {
            yield return new ValidationResult(
                $"Voice:MenuLanguages has '{code}', which Twilio has no voice for; it can offer {string.Join(", ", VoiceLanguages.All.Select(v => v.Code))}.");
        }
    }
}
