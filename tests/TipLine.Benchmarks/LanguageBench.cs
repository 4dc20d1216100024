using System.Diagnostics;
using System.Globalization;
using TipLine.Languages;

namespace TipLine.Benchmarks;

/// <summary>
/// `infra/bench.sh languages`: accuracy per language on tests/LanguageSamples/short-texts.tsv for the old word-list
/// detector and the current detector side by side, then the current one's time per text and memory after loading.
/// </summary>
public static class LanguageBench
{
    public static int Run()
    {
        var samples = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "LanguageSamples", "short-texts.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => (Language: parts[0], Text: parts[1]))
            .ToList();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loading = Stopwatch.StartNew();
        var detector = new LanguageDetector(new LanguageOptions().Codes);
        detector.WarmUp();
        loading.Stop();
        var loaded = GC.GetTotalMemory(forceFullCollection: true) - before;

        Console.WriteLine($"{"language",-10}{"texts",6}{"old",8}{"new",8}");
        int oldTotal = 0, newTotal = 0;
        foreach (var group in samples.GroupBy(s => s.Language))
        {
            var old = group.Count(s => WordListDetector.Detect(s.Text).Code == s.Language);
            var now = group.Count(s => detector.Detect(s.Text).Code == s.Language);
            oldTotal += old;
            newTotal += now;
            Console.WriteLine($"{group.Key,-10}{group.Count(),6}{Percent(old, group.Count()),8}{Percent(now, group.Count()),8}");
        }
        Console.WriteLine($"{"all",-10}{samples.Count,6}{Percent(oldTotal, samples.Count),8}{Percent(newTotal, samples.Count),8}");

        const int Rounds = 20;
        var timing = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (_, text) in samples) detector.Detect(text);
        }
        timing.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"new detector: {timing.Elapsed.TotalMicroseconds / (Rounds * samples.Count):F0} µs per text, models loaded in {loading.ElapsedMilliseconds} ms, {loaded / (1024 * 1024)} MiB managed memory for {detector.Languages.Count} languages"));
        return 0;
    }

    private static string Percent(int right, int of) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * right / of:F0} %");
}
