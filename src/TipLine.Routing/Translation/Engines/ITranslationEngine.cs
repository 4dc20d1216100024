namespace TipLine.Routing.Translation.Engines;

/// <summary>One machine-translation service. Engines never log or keep the text they are given.</summary>
internal interface ITranslationEngine
{
    /// <summary>The engine's key in configuration (<see cref="EngineNames"/>).</summary>
    string Key { get; }

    /// <summary>What the case shows as the translator ("Apertium", "Azure AI Translator", "chat model llama-3.1").</summary>
    string DisplayName { get; }

    /// <summary>Translates every text (in order) or says why it could not; never throws for a failure of the service.</summary>
    Task<EngineAnswer> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct);
}

internal enum EngineOutcome
{
    Translated,
    /// <summary>The engine does not offer this pair; nothing was sent.</summary>
    PairNotOffered,
    /// <summary>A text is longer than the engine takes.</summary>
    TooLong,
    /// <summary>The engine asked us to slow down; <see cref="EngineAnswer.RetryAfter"/> says for how long when it said.</summary>
    RateLimited,
    Failed,
}

/// <param name="Unreachable">A failure to reach the engine at all (connection, timeout), after which it rests a while.</param>
internal sealed record EngineAnswer(EngineOutcome Outcome, IReadOnlyList<string>? Texts = null, TimeSpan? RetryAfter = null, bool Unreachable = false)
{
    public static EngineAnswer Done(IReadOnlyList<string> texts) => new(EngineOutcome.Translated, texts);
    public static readonly EngineAnswer NotOffered = new(EngineOutcome.PairNotOffered);
    public static readonly EngineAnswer TooLong = new(EngineOutcome.TooLong);
    public static readonly EngineAnswer Failed = new(EngineOutcome.Failed);
    public static readonly EngineAnswer Unreached = new(EngineOutcome.Failed, Unreachable: true);
    public static EngineAnswer Slow(TimeSpan? retryAfter) => new(EngineOutcome.RateLimited, RetryAfter: retryAfter);
}
