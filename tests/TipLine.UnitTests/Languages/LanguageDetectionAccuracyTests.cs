using TipLine.Languages;

namespace TipLine.UnitTests.Languages;

/// <summary>
/// The detector on the labelled short texts (tests/LanguageSamples): at least 12 of every 15 right in each of the twelve
/// reporter languages, and where it is wrong it says "unknown" or another language, never a crash. `infra/bench.sh
/// languages` prints the same figures next to the old word-list detector's.
/// </summary>
public sealed class LanguageDetectionAccuracyTests
{
    private static readonly LanguageDetector Detector = new(new LanguageOptions().Codes);

    public static TheoryData<string> Languages => new(LanguageSamples.ShortTexts.Select(s => s.Language).Distinct());

    [Theory]
    [MemberData(nameof(Languages))]
    public void At_least_four_in_five_short_texts_are_recognised_in_every_reporter_language(string language)
    {
        var samples = LanguageSamples.ShortTexts.Where(s => s.Language == language).ToList();
        var wrong = samples.Where(s => Detector.Detect(s.Text).Code != language).Select(s => $"{Detector.Detect(s.Text).Code}: {s.Text}").ToList();

        Assert.True(samples.Count >= 15, $"{language}: only {samples.Count} samples");
        Assert.True(wrong.Count * 5 <= samples.Count, $"{language}: {wrong.Count} of {samples.Count} wrong\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void Every_reporter_language_has_samples() =>
        Assert.Equal(TipLine.Contracts.LanguageCodes.Reporter.Order(), LanguageSamples.ShortTexts.Select(s => s.Language).Distinct().Order());
}
