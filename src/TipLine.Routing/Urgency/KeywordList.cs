using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TipLine.Routing.Urgency;

/// <summary>
/// One language's reviewed urgency keywords (Keywords/&lt;code&gt;.txt, format in Keywords/README.md), compiled to one
/// pattern per category.
/// </summary>
internal sealed class KeywordList
{
    public static readonly IReadOnlyList<string> Categories = ["weapon", "threat", "self-harm", "bullying", "soon"];

    private readonly Dictionary<string, Regex> patterns;

    private KeywordList(string language, bool fold, Dictionary<string, Regex> patterns)
    {
        Language = language;
        Fold = fold;
        this.patterns = patterns;
    }

    public string Language { get; }

    /// <summary>Whether accents are ignored: the list is matched against <see cref="TipText.Folded"/>.</summary>
    public bool Fold { get; }

    public bool HasCategory(string category) => patterns.ContainsKey(category);

    public bool Matches(string category, TipText text) =>
        patterns.TryGetValue(category, out var pattern) && pattern.IsMatch(Fold ? text.Folded : text.Lower);

    public static KeywordList Parse(string language, string file)
    {
        bool? anywhere = null, fold = null;
        string? category = null;
        var entries = Categories.ToDictionary(c => c, _ => new List<string>());
        var lineNumber = 0;
        foreach (var raw in file.Split('\n'))
        {
            lineNumber++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("match:", StringComparison.Ordinal)) anywhere = Setting(line, "words", "anywhere");
            else if (line.StartsWith("fold:", StringComparison.Ordinal)) fold = Setting(line, "none", "accents");
            else if (line.StartsWith('[') && line.EndsWith(']'))
                category = entries.ContainsKey(line[1..^1]) ? line[1..^1] : throw Error($"unknown category {line}");
            else if (category is null) throw Error("an entry before any [category]");
            else entries[category].Add(line);
        }
        if (anywhere is null || fold is null) throw Error("the file must say match: and fold:");

        var patterns = entries.Where(e => e.Value.Count > 0)
            .ToDictionary(e => e.Key, e => Compile(e.Value, anywhere.Value, fold.Value));
        return new KeywordList(language, fold.Value, patterns);

        bool Setting(string line, string no, string yes)
        {
            var value = line[(line.IndexOf(':') + 1)..].Trim();
            return value == yes || (value == no ? false : throw Error($"\"{line}\": expected {no} or {yes}"));
        }

        FormatException Error(string what) => new($"Urgency keywords {language}.txt, line {lineNumber}: {what}");
    }

    private static Regex Compile(List<string> entries, bool anywhere, bool fold)
    {
        var alternatives = entries.Select(entry =>
        {
            var text = TipText.Of(entry);
            var words = (fold ? text.Folded : text.Lower).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var openStart = words[0].StartsWith('*');
            if (openStart) words[0] = words[0][1..];
            var openEnd = words[^1].EndsWith('*');
            if (openEnd) words[^1] = words[^1][..^1];
            if (words.Any(w => w.Length == 0 || w.Contains('*')))
                throw new FormatException($"Urgency keyword \"{entry}\": a * may only open or close an entry that has letters.");
            // Scripts written without spaces are often typed without them between words too (죽고싶다).
            var between = anywhere ? @"\s*" : @"\s+";
            return (openStart ? @"\w*" : "") + string.Join(between, words.Select(Regex.Escape)) + (openEnd ? @"\w*" : "");
        });
        var pattern = string.Join('|', alternatives.Distinct());
        return new Regex(anywhere ? $"(?:{pattern})" : $@"(?<!\w)(?:{pattern})(?!\w)", RegexOptions.CultureInvariant);
    }
}

/// <summary>A tip's text prepared once for every list: lower case, and lower case without accents.</summary>
internal sealed record TipText(string Lower, string Folded)
{
    public static TipText Of(string text)
    {
        var lower = text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');
        return new TipText(lower, WithoutAccents(lower));
    }

    private static string WithoutAccents(string lower)
    {
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // Letters typed interchangeably: Vietnamese đ without its bar; Arabic tā' marbūṭa as hā', alif maqṣūra as yā'.
            kept.Append(c switch { 'đ' => 'd', 'ة' => 'ه', 'ى' => 'ي', _ => c });
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}
