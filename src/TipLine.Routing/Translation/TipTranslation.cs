using TipLine.Contracts;

namespace TipLine.Routing.Translation;

/// <summary>A tip's translation and the engine that made it, or "needs translation".</summary>
internal sealed record TranslatedTip(TipContent? Translation, bool NeedsTranslation, string? Engine = null);

/// <summary>One text's translation and its engine; <c>Text</c> is null when it could not be translated.</summary>
internal sealed record TranslatedText(string? Text, bool NeedsTranslation, string? Engine = null);

/// <summary>Translates every part of a tip in one request, or marks it "needs translation" if that failed.</summary>
internal sealed class TipTranslation(ITranslator translator)
{
    public async Task<TranslatedTip> TranslateAsync(TipContent original, string from, string to, CancellationToken ct)
    {
        if (SameLanguage(from, to)) return new TranslatedTip(null, false);
        if (from == LanguageCodes.Unknown) return new TranslatedTip(null, true);
        string?[] parts = [original.WhatHappened, original.WhoIsInvolved, original.WhenAndWhere];
        var present = parts.OfType<string>().ToList();
        if (await translator.TranslateAsync(present, from, to, ct) is not { } translated) return new TranslatedTip(null, true);
        var next = 0;
        var result = parts.Select(p => p is null ? null : translated.Texts[next++]).ToArray();
        return new TranslatedTip(new TipContent(result[0]!, result[1], result[2]), false, translated.Engine);
    }

    public async Task<TranslatedText> TranslateAsync(string text, string from, string to, CancellationToken ct)
    {
        if (SameLanguage(from, to)) return new TranslatedText(text, false);
        if (from == LanguageCodes.Unknown || to == LanguageCodes.Unknown) return new TranslatedText(null, true);
        var translated = await translator.TranslateAsync([text], from, to, ct);
        return translated is null ? new TranslatedText(null, true) : new TranslatedText(translated.Texts[0], false, translated.Engine);
    }

    public static bool SameLanguage(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
