using TipLine.Contracts;

namespace TipLine.Routing.Translation;

public sealed record TranslatedTip(TipContent? Translation, bool NeedsTranslation);

/// <summary>Translates every part of a tip, or marks it "needs translation" if any part failed.</summary>
public sealed class TipTranslation(ITranslator translator)
{
    public async Task<TranslatedTip> TranslateAsync(TipContent original, string from, string to, CancellationToken ct)
    {
        if (SameLanguage(from, to)) return new TranslatedTip(null, false);
        var what = translator.TranslateAsync(original.WhatHappened, from, to, ct);
        var who = Optional(original.WhoIsInvolved, from, to, ct);
        var when = Optional(original.WhenAndWhere, from, to, ct);
        await Task.WhenAll(what, who, when);
        var missing = what.Result is null || (original.WhoIsInvolved is not null && who.Result is null)
                      || (original.WhenAndWhere is not null && when.Result is null);
        return missing
            ? new TranslatedTip(null, true)
            : new TranslatedTip(new TipContent(what.Result!, who.Result, when.Result), false);
    }

    public async Task<(string? Text, bool NeedsTranslation)> TranslateAsync(string text, string from, string to, CancellationToken ct)
    {
        if (SameLanguage(from, to)) return (text, false);
        var translated = await translator.TranslateAsync(text, from, to, ct);
        return (translated, translated is null);
    }

    public static bool SameLanguage(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private Task<string?> Optional(string? text, string from, string to, CancellationToken ct) =>
        text is null ? Task.FromResult<string?>(null) : translator.TranslateAsync(text, from, to, ct);
}
