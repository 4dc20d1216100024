namespace TipLine.Routing.Translation;

/// <summary>Used when no translation engine is configured: every pair is missing.</summary>
public sealed class NoTranslator : ITranslator
{
    public Task<string?> TranslateAsync(string text, string from, string to, CancellationToken ct) => Task.FromResult<string?>(null);
}
