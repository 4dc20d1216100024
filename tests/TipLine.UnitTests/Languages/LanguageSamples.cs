namespace TipLine.UnitTests.Languages;

/// <summary>tests/LanguageSamples/short-texts.tsv: short, informal texts with the language a reader would say they are in.</summary>
public static class LanguageSamples
{
    public static IReadOnlyList<(string Language, string Text)> ShortTexts { get; } =
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "LanguageSamples", "short-texts.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => (parts[0], parts[1]))];
}
