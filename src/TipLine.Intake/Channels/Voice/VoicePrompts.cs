using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TipLine.Intake.Localization;
using TipLine.Twilio;
using TipLine.Twilio.TwiML;

namespace TipLine.Intake.Channels.Voice;

/// <summary>What a caller hears. Emergency guidance always comes first, in English and Spanish, before any menu.</summary>
public sealed class VoicePrompts(IStringLocalizer<ReporterText> text, IOptions<TwilioOptions> twilio)
{
    /// <summary>The languages the phone menu offers: digit, language, and the voice Twilio speaks it with.</summary>
    private static readonly (string Digit, string Language, string SayLanguage)[] Menu = [("1", "en", "en-US"), ("2", "es", "es-US")];

    public static string LanguageOfDigit(string? digits) => Menu.FirstOrDefault(m => m.Digit == digits?.Trim()).Language ?? "en";

    /// <summary>A language the menu offers, else English (the query string is the caller's to write).</summary>
    public static string KnownLanguage(string? language) => Menu.Any(m => m.Language == language) ? language! : "en";

    /// <summary>
    /// Emergency guidance, the menu, then (no key pressed within 5 s) a recording in English: a caller who presses nothing
    /// is still heard.
    /// </summary>
    public TwimlResponse Greeting()
    {
        var twiml = new TwimlResponse();
        foreach (var (_, language, say) in Menu) twiml.Say(Localized(language, "VoiceEmergency"), language: say);
        twiml.Gather(g =>
        {
            foreach (var (_, language, say) in Menu) g.Say(Localized(language, "VoiceMenu"), language: say);
        }, numDigits: 1, action: Url(VoiceWebhooks.LanguagePath), timeout: 5);
        return AddRecording(twiml, "en");
    }

    public TwimlResponse RecordIn(string language) => AddRecording(new TwimlResponse(), language);

    public TwimlResponse Goodbye(string language) =>
        new TwimlResponse().Say(Localized(language, "VoiceThanks"), language: SayLanguage(language)).Hangup();

    private TwimlResponse AddRecording(TwimlResponse twiml, string language) => twiml
        .Say(Localized(language, "VoicePrompt"), language: SayLanguage(language))
        .Record(action: Url(VoiceWebhooks.RecordedPath + "?lang=" + language),
            recordingStatusCallback: Url(VoiceWebhooks.RecordingPath + "?lang=" + language),
            maxLength: VoiceWebhooks.MaxRecordingSeconds, playBeep: true);

    private string Url(string path) => twilio.Value.PublicBaseUrl.TrimEnd('/') + path;

    private static string SayLanguage(string language) => Menu.First(m => m.Language == language).SayLanguage;

    private string Localized(string language, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            return text[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
