namespace TipLine.Languages;

/// <summary>
/// A detected language: one of our codes (en, es, vi, zh-Hans, ar; others as ISO 639-1) and how sure the
/// detector is, from 0 (no idea) to 1. <see cref="Unknown"/> (code "und") when the text does not say.
/// </summary>
public readonly record struct LanguageGuess
{
    /// <summary>ISO 639-2 "undetermined".</summary>
    public const string UndeterminedCode = "und";

    private readonly string? code;

    public LanguageGuess(string code, double confidence)
    {
        this.code = code;
        Confidence = Math.Clamp(confidence, 0, 1);
    }

    /// <summary>The language was not detected: too little text, or no language stood out.</summary>
    public static LanguageGuess Unknown => default;

    public string Code => code ?? UndeterminedCode;

    public double Confidence { get; }

    public bool IsKnown => code is not null && code != UndeterminedCode;
}
