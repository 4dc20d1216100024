namespace TipLine.Routing.Translation;

/// <summary>Machine translation between our language codes (en, es, vi, zh-Hans, ar, ...).</summary>
internal interface ITranslator
{
    /// <summary>
    /// The texts translated, in order, or null when the pair is missing or the engine failed (the
    /// caller routes anyway). The parts of one tip go together, so the engine is asked once.
    /// </summary>
    Task<IReadOnlyList<string>?> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct);
}
