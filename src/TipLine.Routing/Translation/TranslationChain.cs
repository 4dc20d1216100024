using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Routing.Translation.Engines;

namespace TipLine.Routing.Translation;

/// <summary>
/// Tries the district's engines for a pair in its order (<see cref="TranslationOptions.OrderFor"/>) until one translates,
/// within <c>Translation:Budget</c> in all: a tip is never held back longer for its translation (it then routes marked
/// "needs translation", suggested at least High). An engine without the pair, or given a text too long for it, or failing,
/// hands the texts to the next; one that said "too many requests" is passed over until its Retry-After (or
/// <c>RestAfterRateLimit</c>) has gone by, and one that could not be reached or timed out for <c>RestAfterFailure</c>, so a
/// surge does not wait on it tip after tip. An answer with a blank text for a text that was not blank is no translation.
/// Logs name the pair, the engine and the outcome, never the text.
/// </summary>
internal sealed class TranslationChain(
    IEnumerable<ITranslationEngine> engines, IOptions<TranslationOptions> options, TimeProvider clock, ILogger<TranslationChain> log) : ITranslator
{
    private static readonly TimeSpan LongestRest = TimeSpan.FromHours(1);

    private readonly Dictionary<string, ITranslationEngine> byKey = engines.ToDictionary(e => e.Key);
    private readonly ConcurrentDictionary<string, DateTimeOffset> restingUntil = new();

    public async Task<Translated?> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
    {
        // On the one clock, so the budget is tested like every other wait.
        using var budget = new CancellationTokenSource(options.Value.Budget, clock);
        using var callerGaveUp = ct.Register(budget.Cancel);
        try
        {
            return await FirstTranslationAsync(texts, from, to, budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Translation {From}-{To}: no engine answered within {Budget}", from, to, options.Value.Budget);
            return null;
        }
    }

    private async Task<Translated?> FirstTranslationAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
    {
        foreach (var key in options.Value.OrderFor(from, to))
        {
            if (!byKey.TryGetValue(key, out var engine)) continue;
            if (restingUntil.TryGetValue(key, out var until) && clock.GetUtcNow() < until)
            {
                log.LogInformation("Translation {From}-{To}: {Engine} is resting after a rate limit", from, to, key);
                continue;
            }
            var answer = await AskAsync(engine, texts, from, to, ct);
            if (answer.Outcome == EngineOutcome.Translated && IsWhole(answer.Texts, texts)) return new Translated(answer.Texts!, engine.DisplayName);
            if (answer.Outcome == EngineOutcome.RateLimited)
            {
                var rest = answer.RetryAfter is { } after && after > TimeSpan.Zero ? after : options.Value.RestAfterRateLimit;
                restingUntil[key] = clock.GetUtcNow() + (rest < LongestRest ? rest : LongestRest);
            }
            if (answer.Unreachable) restingUntil[key] = clock.GetUtcNow() + options.Value.RestAfterFailure;
            if (answer.Outcome != EngineOutcome.PairNotOffered)
                log.LogWarning("Translation {From}-{To} by {Engine}: {Outcome}", from, to, key, answer.Outcome);
        }
        return null;
    }

    private async Task<EngineAnswer> AskAsync(ITranslationEngine engine, IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
    {
        try
        {
            return await engine.TranslateAsync(texts, from, to, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Translation {From}-{To} by {Engine} failed: {Error}", from, to, engine.Key, e.GetType().Name);
            // Not reached or timed out (HttpRequestException, the pipeline's timeouts): the next tips should not wait on it too.
            return e is HttpRequestException or TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException
                or Polly.CircuitBreaker.BrokenCircuitException
                ? EngineAnswer.Unreached
                : EngineAnswer.Failed;
        }
    }

    private static bool IsWhole(IReadOnlyList<string>? translated, IReadOnlyList<string> texts) =>
        translated?.Count == texts.Count
        && translated.Zip(texts).All(p => !string.IsNullOrWhiteSpace(p.First) || string.IsNullOrWhiteSpace(p.Second));
}
