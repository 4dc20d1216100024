namespace TipLine.Routing.Translation;

/// <summary>Machine translation between our language codes (en, es, vi, zh-Hans, ar, ...).</summary>
public interface ITranslator
{
    /// <summary>The translation, or null when the pair is missing or the engine failed: the caller routes anyway.</summary>
    Task<string?> TranslateAsync(string text, string from, string to, CancellationToken ct);
}
