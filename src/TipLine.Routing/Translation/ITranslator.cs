namespace TipLine.Routing.Translation;

/// <summary>Texts in another language, and the engine that translated them (shown on the case).</summary>
internal sealed record Translated(IReadOnlyList<string> Texts, string Engine);

/// <summary>Machine translation between our language codes (en, es, vi, zh-Hans, ar, ...).</summary>
internal interface ITranslator
{
    /// <summary>
    /// The texts translated, in order, or null when no engine offers the pair or every one failed (the caller routes
    /// anyway). The parts of one tip go together, so an engine is asked once.
    /// </summary>
    Task<Translated?> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct);
}
