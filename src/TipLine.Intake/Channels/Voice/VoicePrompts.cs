using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TipLine.Directory;
using TipLine.Intake.Localization;
using TipLine.Twilio;
using TipLine.Twilio.TwiML;

namespace TipLine.Intake.Channels.Voice;

/// <summary>What a caller hears. Emergency guidance always comes first, in English and Spanish, before any menu.</summary>
internal sealed class VoicePrompts(IStringLocalizer<ReporterText> text, IOptions<TwilioOptions> twilio)
{
    /// <summary>The languages the phone menu offers: digit, language, and the voice Twilio speaks it with.</summary>
    private static readonly (string Digit, string Language, string SayLanguage)[] Menu = [("1", "en", "en-US"), ("2", "es", "es-US")];

    public static string LanguageOfDigit(string? digits) => Menu.FirstOrDefault(m => m.Digit == digits?.Trim()).Language ?? "en";

    /// <summary>A language the menu offers, else English (the query string is the caller's to write).</summary>
    public static string KnownLanguage(string? language) => Menu.Any(m => m.Language == language) ? language! : "en";

    /// <summary>
    /// Emergency guidance, the menu, then (no key pressed within 5 s) a recording in English: a caller who presses nothing
    /// is still heard. A shared district number asks for the school first (<paramref name="districtSchools"/>).
    /// </summary>
    public TwimlResponse Greeting(IReadOnlyList<SchoolListing>? districtSchools)
    {
        var twiml = new TwimlResponse();
        foreach (var (_, language, say) in Menu) twiml.Say(Localized(language, "VoiceEmergency"), language: say);
        twiml.Gather(g =>
        {
            foreach (var (_, language, say) in Menu) g.Say(Localized(language, "VoiceMenu"), language: say);
        }, numDigits: 1, action: Url(VoiceWebhooks.LanguagePath), timeout: 5);
        return districtSchools is null ? AddRecording(twiml, "en", null) : AddSchoolMenu(twiml, "en", districtSchools);
    }

    /// <summary>After the language menu: the school menu on a district number, else the recording.</summary>
    public TwimlResponse AfterLanguage(string language, IReadOnlyList<SchoolListing>? districtSchools) => districtSchools is null
        ? AddRecording(new TwimlResponse(), language, null)
        : AddSchoolMenu(new TwimlResponse(), language, districtSchools);

    public TwimlResponse RecordIn(string language, Guid? schoolId) => AddRecording(new TwimlResponse(), language, schoolId);

    /// <summary>The school a keypad answer picked from <see cref="AddSchoolMenu"/>'s list; none for another key or none at all.</summary>
    public static Guid? SchoolOfDigits(string? digits, IReadOnlyList<SchoolListing> schools) =>
        int.TryParse(digits?.Trim().TrimEnd('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= schools.Count
            ? schools[n - 1].Id
            : null;

    /// <summary>
    /// "For Lincoln High School, press 2": one key for up to nine schools, else a number and the pound key. A caller who
    /// presses nothing (or a key not listed) is recorded all the same, and the tip goes to the district's own entry.
    /// </summary>
    private TwimlResponse AddSchoolMenu(TwimlResponse twiml, string language, IReadOnlyList<SchoolListing> schools)
    {
        var say = SayLanguage(language);
        var oneKey = schools.Count <= 9;
        twiml.Gather(g =>
        {
            g.Say(Localized(language, "VoiceSchoolQuestion"), language: say);
            for (var i = 0; i < schools.Count; i++)
            {
                g.Say(string.Format(CultureInfo.InvariantCulture, Localized(language, "VoiceSchoolOption"), schools[i].Name,
                    oneKey ? (i + 1).ToString(CultureInfo.InvariantCulture) : $"{i + 1} #"), language: say);
            }
            g.Say(Localized(language, "VoiceSchoolNotSure"), language: say);
        }, numDigits: oneKey ? 1 : null, action: Url(VoiceWebhooks.SchoolPath + "?lang=" + language), timeout: 5, finishOnKey: oneKey ? null : "#");
        return AddRecording(twiml, language, null);
    }

    public TwimlResponse Goodbye(string language) =>
        new TwimlResponse().Say(Localized(language, "VoiceThanks"), language: SayLanguage(language)).Hangup();

    /// <summary>The school chosen travels in the callback's URL, which Twilio signs, so the recording knows where it goes.</summary>
    private TwimlResponse AddRecording(TwimlResponse twiml, string language, Guid? schoolId) => twiml
        .Say(Localized(language, "VoicePrompt"), language: SayLanguage(language))
        .Record(action: Url(VoiceWebhooks.RecordedPath + "?lang=" + language),
            recordingStatusCallback: Url(VoiceWebhooks.RecordingPath + "?lang=" + language + (schoolId is { } id ? $"&school={id:N}" : "")),
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
