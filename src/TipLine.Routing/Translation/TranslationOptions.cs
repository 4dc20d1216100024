namespace TipLine.Routing.Translation;

internal sealed class TranslationOptions
{
    /// <summary>Apertium APY's base URL, e.g. http://127.0.0.1:2737. Empty: every foreign-language tip is marked "needs translation".</summary>
    public string? ApyBaseUrl { get; set; }
    public TimeSpan PairsCacheFor { get; set; } = TimeSpan.FromMinutes(5);
}
