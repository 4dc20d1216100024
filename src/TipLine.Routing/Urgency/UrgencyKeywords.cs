namespace TipLine.Routing.Urgency;

/// <summary>The keyword lists shipped in Keywords/, one per reporter language, loaded once.</summary>
internal static class UrgencyKeywords
{
    private const string Prefix = "urgency-keywords/";

    public static IReadOnlyList<KeywordList> All { get; } = Load();

    private static List<KeywordList> Load()
    {
        var assembly = typeof(UrgencyKeywords).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return KeywordList.Parse(name[Prefix.Length..^".txt".Length], reader.ReadToEnd());
            })];
    }
}
