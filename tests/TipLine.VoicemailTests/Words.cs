namespace TipLine.VoicemailTests;

public static class Words
{
    private static readonly HashSet<string> Stopwords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "is", "are", "was", "be", "to", "of", "in", "on", "at", "with", "and", "or", "it", "he", "she",
        "i", "you", "we", "they", "my", "your", "his", "her", "do", "does", "not", "that", "this", "there", "what", "who",
        "ah", "oh", "uh", "um", "hm", "got", "get", "so", "for", "about", "all", "can", "will", "would", "should", "now",
    };

    /// <summary>Lower-case words that carry meaning: no function words or filler.</summary>
    public static HashSet<string> Content(string text) =>
        text.ToLowerInvariant()
            .Split((char[])[' ', '.', ',', '?', '!', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1 && !Stopwords.Contains(w))
            .ToHashSet();
}
