using System.Globalization;
using System.Text;
using F23.StringSimilarity;
using TipLine.Contracts;

namespace TipLine.Teams.Incidents;

/// <summary>
/// How alike two tips read: cosine similarity of their character trigrams (F23.StringSimilarity), after case, accents and
/// punctuation are folded away. Trigrams tolerate word order, inflection and a translation's small differences ("says he
/// will bring a gun" against "says that he will bring a gun"), which word sets do not.
/// </summary>
internal static class TipSimilarity
{
    private static readonly Cosine Cosine3 = new(3);

    /// <summary>0 (nothing alike) to 1 (the same words).</summary>
    public static double Between(string a, string b) => Between(Profile.Of(a), Profile.Of(b));

    public static double Between(Profile a, Profile b)
    {
        if (a.Text.Length < 3 || b.Text.Length < 3) return a.Text.Length > 0 && a.Text == b.Text ? 1 : 0;
        return Cosine3.Similarity(a.Trigrams, b.Trigrams);
    }

    /// <summary>A text's trigram counts, computed once and compared with many.</summary>
    internal sealed record Profile(string Text, IDictionary<string, int> Trigrams)
    {
        public static Profile Of(string text)
        {
            var normalized = Normalize(text);
            return new Profile(normalized, normalized.Length < 3 ? new Dictionary<string, int>() : Cosine3.GetProfile(normalized));
        }
    }

    /// <summary>What a tip says, in the team's language when there is a translation, so languages do not split an incident.</summary>
    public static string ReadableText(TipContent original, TipContent? translation) => Join(translation ?? original);

    public static string Join(TipContent content) =>
        string.Join(' ', new[] { content.WhatHappened, content.WhoIsInvolved, content.WhenAndWhere }.Where(s => !string.IsNullOrWhiteSpace(s)));

    internal static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormD).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var space = true;
        foreach (var ch in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(ch);
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }
        return builder.ToString().TrimEnd();
    }
}
