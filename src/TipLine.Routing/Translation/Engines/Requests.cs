namespace TipLine.Routing.Translation.Engines;

internal static class Requests
{
    /// <summary>
    /// Texts in order, cut into requests of at most <paramref name="maxCharacters"/> characters and
    /// <paramref name="maxTexts"/> texts. A text longer than the limit is a request on its own (the caller refuses it first).
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> Chunk(IReadOnlyList<string> texts, int maxCharacters, int maxTexts)
    {
        List<string> current = [];
        var characters = 0;
        foreach (var text in texts)
        {
            if (current.Count > 0 && (characters + text.Length > maxCharacters || current.Count == maxTexts))
            {
                yield return current;
                current = [];
                characters = 0;
            }
            current.Add(text);
            characters += text.Length;
        }
        if (current.Count > 0) yield return current;
    }
}
