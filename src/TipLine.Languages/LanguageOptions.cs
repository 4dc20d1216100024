using System.ComponentModel.DataAnnotations;
using Lingua;

namespace TipLine.Languages;

/// <summary>Section "Languages": the languages the district's reporters write in, which detection chooses among.</summary>
public sealed class LanguageOptions : IValidatableObject
{
    public const string Section = "Languages";

    /// <summary>
    /// Comma-separated BCP 47 codes. English and Spanish are always added. Default: the twelve reporter languages TipLine
    /// supports (English, Spanish, Vietnamese, Chinese, Arabic, Haitian Creole, Portuguese, Russian, Somali, Tagalog,
    /// Korean, French).
    /// </summary>
    public string Detect { get; set; } = "en,es,vi,zh-Hans,ar,ht,pt,ru,so,tl,ko,fr";

    public IReadOnlyList<string> Codes =>
        [.. Detect.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Union(["en", "es"]).Distinct()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = Codes.Where(c => !Detectable(c)).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"Languages:Detect names languages TipLine cannot detect: {string.Join(", ", unknown)}. Use BCP 47 codes such as en, es, vi, zh-Hans, so.");
        }
    }

    /// <summary>Haitian Creole by its words, a language its writing system names, or one Lingua knows in Latin script.</summary>
    public static bool Detectable(string code) =>
        code.Equals(HaitianCreoleWords.Code, StringComparison.OrdinalIgnoreCase)
        || WordListDetector.NamedByScript.Contains(code.Split('-')[0])
        || (LinguaLanguage(code) is { } language && LanguageInfo.AllWithLatinScript().Contains(language));

    /// <summary>Lingua's language for a BCP 47 code (by its ISO 639-1 primary subtag), or null when Lingua does not know it.</summary>
    public static Language? LinguaLanguage(string code)
    {
        var primary = code.Split('-')[0];
        return primary.Length == 2 && Enum.TryParse<IsoCode6391>(primary, ignoreCase: true, out var iso) && iso != IsoCode6391.None
            ? LanguageInfo.GetByIsoCode6391(iso)
            : null;
    }
}
