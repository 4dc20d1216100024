using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TipLine.Routing.Translation.Engines;

/// <summary>
/// Packs several texts into one HTML document for APY and unpacks its answer. APY starts a
/// deformatter and a reformatter process for every request, so one request per tip instead of one
/// per field saves most of its CPU. Each text becomes a &lt;div&gt;, which Apertium keeps as format;
/// the reporter's own &lt; &gt; &amp; are escaped, so nothing they type is read as markup.
/// </summary>
internal static partial class ApyParagraphs
{
    public static string Join(IReadOnlyList<string> texts)
    {
        var html = new StringBuilder();
        foreach (var text in texts)
        {
            html.Append("<div>").Append(text.Replace("&", "&amp;", StringComparison.Ordinal)
                .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)).Append("</div>");
        }
        return html.ToString();
    }

    /// <summary>The texts of a translated document, or null if it does not hold exactly <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<string>? Split(string translated, int count)
    {
        var body = translated.Trim();
        if (!body.StartsWith("<div>", StringComparison.Ordinal) || !body.EndsWith("</div>", StringComparison.Ordinal)) return null;
        var parts = Between().Split(body["<div>".Length..^"</div>".Length]);
        if (parts.Length != count || parts.Any(p => p.Contains("<div>", StringComparison.Ordinal))) return null;
        return [.. parts.Select(p => WebUtility.HtmlDecode(p))];
    }

    [GeneratedRegex(@"</div>\s*<div>")]
    private static partial Regex Between();
}
