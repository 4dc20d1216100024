using TipLine.Contracts;

namespace TipLine.Routing.Translation;

internal sealed record TranslatedTip(TipContent? Translation, bool NeedsTranslation);

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
        var result = parts.Select(p => p is null ? null : translated[next++]).ToArray();
        return new TranslatedTip(new TipContent(result[0]!, result[1], result[2]), false);
    }

    public async Task<(string? Text, bool NeedsTranslation)> TranslateAsync(string text, string from, string to, CancellationToken ct)
    {
        if (SameLanguage(from, to)) return (text, false);
        if (from == LanguageCodes.Unknown || to == LanguageCodes.Unknown) return (null, true);
        var translated = await translator.TranslateAsync([text], from, to, ct);
        return (translated?[0], translated is null);
    }

    public static bool SameLanguage(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
