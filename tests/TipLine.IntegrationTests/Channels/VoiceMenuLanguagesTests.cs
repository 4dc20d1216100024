using System.Net;
using TipLine.Hosting;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>A district whose phone menu offers its community's languages: each is spoken in its own Twilio voice.</summary>
public sealed class VoiceMenuLanguagesTests : SmsDistrict
{
    private const string CallSid = "CA0123456789abcdef0123456789abcdee";

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?> { ["Voice:MenuLanguages"] = "en,es,vi,ko" };

    [Fact]
    public async Task The_menu_offers_each_language_with_its_own_key_and_voice_and_the_caller_is_heard_in_the_one_chosen()
    {
        var (status, twiml) = await PostWebhookAsync("/twilio/voice", Form(("To", DemoDistrict.LincolnHighNumber), ("From", "+15557770001"),
            ("CallStatus", "ringing"), ("Direction", "inbound")));

        Assert.Equal(HttpStatusCode.OK, status);
        twiml = WebUtility.HtmlDecode(twiml);
        // Crisis guidance first, in every menu language, then the menu.
        var vietnameseGuidance = System.Text.RegularExpressions.Regex.Match(twiml, "<Say voice=\"Google.vi-VN-Standard-A\" language=\"vi-VN\">([^<]*)</Say>");
        Assert.True(vietnameseGuidance.Success, twiml);
        Assert.Contains("988", vietnameseGuidance.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("911", vietnameseGuidance.Groups[1].Value, StringComparison.Ordinal);
        var menu = twiml[twiml.IndexOf("<Gather", StringComparison.Ordinal)..twiml.IndexOf("</Gather>", StringComparison.Ordinal)];
        foreach (var expected in new[] { "For English, press 1.", "Para español, oprima 2.", "Để nghe tiếng Việt, bấm số 3." })
            Assert.Contains(expected, menu, StringComparison.Ordinal);
        Assert.Matches("<Say voice=\"Google.ko-KR-Standard-A\" language=\"ko-KR\">[^<]*4[^<]*</Say>", menu);

        var (_, vietnamese) = await PostWebhookAsync("/twilio/voice/language", Form(("Digits", "3"), ("To", DemoDistrict.LincolnHighNumber)));
        vietnamese = WebUtility.HtmlDecode(vietnamese);
        Assert.Contains("<Say voice=\"Google.vi-VN-Standard-A\" language=\"vi-VN\">Sau tiếng bíp", vietnamese, StringComparison.Ordinal);
        Assert.Contains("recording?lang=vi\"", vietnamese, StringComparison.Ordinal);

        var (_, goodbye) = await PostWebhookAsync("/twilio/voice/recorded?lang=vi", Form());
        Assert.Contains("vi-VN", goodbye, StringComparison.Ordinal);
        var (_, unknownKey) = await PostWebhookAsync("/twilio/voice/language", Form(("Digits", "7"), ("To", DemoDistrict.LincolnHighNumber)));
        Assert.Contains("recording?lang=en\"", unknownKey, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["CallSid"] = CallSid, ["AccountSid"] = AccountSid };
        foreach (var (key, value) in fields) form[key] = value;
        return form;
    }
}
