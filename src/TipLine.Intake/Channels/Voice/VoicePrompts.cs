using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TipLine.Directory;
using TipLine.Intake.Localization;
using TipLine.Twilio;
using TipLine.Twilio.TwiML;

namespace TipLine.Intake.Channels.Voice;

/// <summary>
/// What a caller hears. Emergency guidance always comes first, in every menu language, before the menu itself
/// (<c>Voice:MenuLanguages</c>: key 1 for the first language, 2 for the second, ...).
/// </summary>
internal sealed class VoicePrompts(IStringLocalizer<ReporterText> text, IOptions<TwilioOptions> twilio, IOptions<VoiceOptions> voice)
{
    private IReadOnlyList<VoiceLanguage> Menu => [.. voice.Value.Menu.Select(code => VoiceLanguages.Of(code)!)];

    private string FirstLanguage => Menu[0].Code;

    public string LanguageOfDigit(string? digits) =>
        int.TryParse(digits?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var key) && key >= 1 && key <= Menu.Count
            ? Menu[key - 1].Code
            : FirstLanguage;

    /// <summary>A language the menu offers, else the first (the query string is the caller's to write).</summary>
    public string KnownLanguage(string? language) => Menu.FirstOrDefault(m => m.Code == language)?.Code ?? FirstLanguage;

    /// <summary>
    /// Emergency guidance, the menu, then (no key pressed within 5 s) a recording in the first language: a caller who presses nothing
    /// is still heard. A shared district number asks for the school first (<paramref name="districtSchools"/>).
    /// </summary>
    public TwimlResponse Greeting(IReadOnlyList<SchoolListing>? districtSchools)
    {
        var twiml = new TwimlResponse();
        var menu = Menu;
        foreach (var m in menu) twiml.Say(text.In(m.Code, "VoiceEmergency"), m.Voice, m.SayLanguage);
        twiml.Gather(g =>
        {
            for (var i = 0; i < menu.Count; i++)
                g.Say(text.In(menu[i].Code, "VoiceMenu", i + 1), menu[i].Voice, menu[i].SayLanguage);
        }, numDigits: 1, action: Url(VoiceWebhooks.LanguagePath), timeout: 5);
        return districtSchools is null ? AddRecording(twiml, FirstLanguage, null) : AddSchoolMenu(twiml, FirstLanguage, districtSchools);
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
        var say = VoiceLanguages.Of(language)!;
        var oneKey = schools.Count <= 9;
        twiml.Gather(g =>
        {
            g.Say(text.In(language, "VoiceSchoolQuestion"), say.Voice, say.SayLanguage);
            for (var i = 0; i < schools.Count; i++)
            {
                g.Say(text.In(language, "VoiceSchoolOption", schools[i].Name,
                    oneKey ? (i + 1).ToString(CultureInfo.InvariantCulture) : $"{i + 1} #"), say.Voice, say.SayLanguage);
            }
            g.Say(text.In(language, "VoiceSchoolNotSure"), say.Voice, say.SayLanguage);
        }, numDigits: oneKey ? 1 : null, action: Url(VoiceWebhooks.SchoolPath + "?lang=" + language), timeout: 5, finishOnKey: oneKey ? null : "#");
        return AddRecording(twiml, language, null);
    }

    public TwimlResponse Goodbye(string language) =>
        new TwimlResponse().Say(text.In(language, "VoiceThanks"), VoiceLanguages.Of(language)!.Voice, VoiceLanguages.Of(language)!.SayLanguage).Hangup();

    /// <summary>The school chosen travels in the callback's URL, which Twilio signs, so the recording knows where it goes.</summary>
    private TwimlResponse AddRecording(TwimlResponse twiml, string language, Guid? schoolId) => twiml
        .Say(text.In(language, "VoicePrompt"), VoiceLanguages.Of(language)!.Voice, VoiceLanguages.Of(language)!.SayLanguage)
        .Record(action: Url(VoiceWebhooks.RecordedPath + "?lang=" + language),
            recordingStatusCallback: Url(VoiceWebhooks.RecordingPath + "?lang=" + language + (schoolId is { } id ? $"&school={id:N}" : "")),
            maxLength: VoiceWebhooks.MaxRecordingSeconds, playBeep: true);

    private string Url(string path) => twilio.Value.PublicBaseUrl.TrimEnd('/') + path;
}
