namespace TipLine.Intake.Channels.Voice;

/// <summary>A language Twilio's &lt;Say&gt; speaks: its locale and the voice (null: Twilio's default voice for the locale).</summary>
internal sealed record VoiceLanguage(string Code, string SayLanguage, string? Voice);

/// <summary>
/// The reporter languages Twilio can speak on a call. English and Spanish use Twilio's default voice; the others a Google
/// standard voice, since Twilio's default voices do not speak them. Twilio has no voice for Haitian Creole or Somali,
/// so callers in those languages hear the menu in the others and may speak in their own after the beep.
/// </summary>
internal static class VoiceLanguages
{
    public static readonly IReadOnlyList<VoiceLanguage> All =
    [
        new("en", "en-US", null),
        new("es", "es-US", null),
        new("vi", "vi-VN", "Google.vi-VN-Standard-A"),
        new("zh-Hans", "cmn-CN", "Google.cmn-CN-Standard-A"),
        new("ar", "ar-XA", "Google.ar-XA-Standard-A"),
        new("pt", "pt-BR", "Google.pt-BR-Standard-A"),
        new("ru", "ru-RU", "Google.ru-RU-Standard-A"),
        new("tl", "fil-PH", "Google.fil-PH-Standard-A"),
        new("ko", "ko-KR", "Google.ko-KR-Standard-A"),
        new("fr", "fr-FR", "Google.fr-FR-Standard-A"),
    ];

    public static VoiceLanguage? Of(string? code) => All.FirstOrDefault(v => string.Equals(v.Code, code, StringComparison.OrdinalIgnoreCase));
}
