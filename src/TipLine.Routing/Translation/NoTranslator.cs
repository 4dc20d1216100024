namespace TipLine.Routing.Translation;

/// <summary>Used when no translation engine is configured: every pair is missing.</summary>
internal sealed class NoTranslator : ITranslator
{
    public Task<IReadOnlyList<string>?> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>?>(null);
}
