using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// What the reporter wrote in a mail, and nothing else: HTML made plain text (scripts, styles and quoted blocks dropped),
/// earlier mails quoted below ("On … wrote:", "&gt;" lines, Outlook's "From:/Sent:" block) and the signature cut off, and
/// the sender's own name and mailbox name blanked out.
/// </summary>
internal static partial class MailText
{
    public const string NamePlaceholder = "[name]";

    private static readonly HashSet<string> Dropped = ["script", "style", "head", "title", "blockquote", "img", "object", "iframe", "svg", "template"];
    private static readonly HashSet<string> Blocks = ["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "article", "pre"];

    /// <summary>Plain text of an HTML body. Never runs or fetches anything; quoted replies and signatures marked by mail clients are dropped.</summary>
    public static string FromHtml(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var text = new StringBuilder();
        Append(document.DocumentNode, text);
        return text.ToString();
    }

    /// <summary>The reporter's own words from a plain-text body.</summary>
    public static string Clean(string text, string? senderName, string senderAddress)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (StartsQuotedMail(lines, i) || line.TrimEnd() is "--" || line == "-- ") break; // quoted mail or signature: the rest goes
            if (line.TrimStart().StartsWith('>')) continue;
            if (ClientFooter().IsMatch(line)) continue;
            kept.Add(line.TrimEnd());
        }
        var body = BlankLines().Replace(string.Join('\n', kept), "\n\n").Trim();
        return WithoutSenderName(body, senderName, senderAddress);
    }

    private static bool StartsQuotedMail(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (OriginalMessage().IsMatch(line) || line.StartsWith("__________", StringComparison.Ordinal)) return true;
        // "On Tue, 3 Mar 2026 at 10:00, Someone <x@y> wrote:" can wrap over two lines.
        var joined = i + 1 < lines.Length ? line + " " + lines[i + 1].Trim() : line;
        if (WroteLine().IsMatch(line) || (WroteStart().IsMatch(line) && WroteLine().IsMatch(joined))) return true;
        // Outlook: "From: …" followed by "Sent:" or "Date:" within a few lines.
        if (HeaderFrom().IsMatch(line))
        {
            return lines.Skip(i + 1).Take(4).Any(l => HeaderDate().IsMatch(l.Trim()));
        }
        return false;
    }

    /// <summary>
    /// Blanks the sender's names as names are written (Maria, MARIA), so that a name that is also a word ("Will", "May") stays
    /// when written as the word ("he will"); the mailbox name (maria.gonzalez) in any case.
    /// </summary>
    private static string WithoutSenderName(string body, string? senderName, string senderAddress)
    {
        var localPart = senderAddress.Split('@')[0];
        var names = (senderName ?? "").Split([' ', ',', '.', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Concat(localPart.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3 && w.Any(char.IsLetter))
            .SelectMany(w => new[] { w, char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant(), w.ToUpperInvariant() });
        if (localPart.Length >= 3) body = Blank(body, localPart, RegexOptions.IgnoreCase);
        foreach (var name in names.Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length))
        {
            body = Blank(body, name, RegexOptions.None);
        }
        return body;
    }

    private static string Blank(string body, string word, RegexOptions options) =>
        Regex.Replace(body, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", NamePlaceholder,
            options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static void Append(HtmlNode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child.NodeType)
            {
                case HtmlNodeType.Text:
                    text.Append(Whitespace().Replace(WebUtility.HtmlDecode(((HtmlTextNode)child).Text), " "));
                    break;
                case HtmlNodeType.Element:
                    var name = child.Name.ToLowerInvariant();
                    if (Dropped.Contains(name) || IsQuoteOrSignature(child)) continue;
                    if (name == "br") { text.Append('\n'); continue; }
                    var block = Blocks.Contains(name);
                    if (block) text.Append('\n');
                    Append(child, text);
                    if (block) text.Append('\n');
                    break;
            }
        }
    }

    /// <summary>Gmail, Outlook, Apple Mail and Thunderbird mark quoted earlier mails and signatures with these.</summary>
    private static bool IsQuoteOrSignature(HtmlNode element)
    {
        var classes = element.GetAttributeValue("class", "");
        var id = element.GetAttributeValue("id", "");
        return classes.Contains("gmail_quote", StringComparison.OrdinalIgnoreCase) || classes.Contains("gmail_signature", StringComparison.OrdinalIgnoreCase)
            || classes.Contains("moz-cite-prefix", StringComparison.OrdinalIgnoreCase) || classes.Contains("moz-signature", StringComparison.OrdinalIgnoreCase)
            || id is "divRplyFwdMsg" or "appendonsend" or "Signature" || element.GetAttributeValue("type", "") == "cite";
    }

    [GeneratedRegex(@"^(on|el|le|am|vào)\b.{0,200}\b(wrote|escribió|a écrit|schrieb|đã viết)\s*:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WroteLine();

    [GeneratedRegex(@"^(on|el|le|am|vào)\s", RegexOptions.IgnoreCase)]
    private static partial Regex WroteStart();

    [GeneratedRegex(@"^-{2,}\s*(original message|mensaje original|message d'origine|forwarded message|mensaje reenviado)\s*-{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^\**(from|de)\s*:\**\s", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\**(sent|date|enviado|fecha)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderDate();

    [GeneratedRegex(@"^\s*(sent from my \w+|enviado desde mi \w+|get outlook for \w+|obtener outlook para \w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ClientFooter();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"[ \t\r\n\u00a0]+")]
    private static partial Regex Whitespace();
}
