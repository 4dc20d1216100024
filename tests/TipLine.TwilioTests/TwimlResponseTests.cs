using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Twilio.TwiML;

namespace TipLine.TwilioTests;

public class TwimlResponseTests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    public static TheoryData<string, Func<TwimlResponse>, string> Documents => new()
    {
        { "empty", () => new TwimlResponse(), "<Response />" },
        { "message", () => new TwimlResponse().Message("Thanks. A counselor will reply here."),
            "<Response><Message>Thanks. A counselor will reply here.</Message></Response>" },
        { "two messages, the second with its status callback", () => new TwimlResponse().Message("Received.").Message("Your code", action: "/twilio/sms/status?receipt=true&x=1"),
            "<Response><Message>Received.</Message><Message action=\"/twilio/sms/status?receipt=true&amp;x=1\">Your code</Message></Response>" },
        { "text escaping", () => new TwimlResponse().Message("Tom & Jerry <script>alert(\"x\")</script> it's > 3"),
            "<Response><Message>Tom &amp; Jerry &lt;script&gt;alert(\"x\")&lt;/script&gt; it's &gt; 3</Message></Response>" },
        { "markup cannot be injected", () => new TwimlResponse().Say("</Say><Dial>+15005550006</Dial><Say>"),
            "<Response><Say>&lt;/Say&gt;&lt;Dial&gt;+15005550006&lt;/Dial&gt;&lt;Say&gt;</Say></Response>" },
        { "say with voice and language", () => new TwimlResponse().Say("Hola", voice: "Polly.Lupe", language: "es-US"),
            "<Response><Say voice=\"Polly.Lupe\" language=\"es-US\">Hola</Say></Response>" },
        { "attribute escaping", () => new TwimlResponse().Redirect("https://t.example/v?a=1&b=\"2\"<>").Say("x", voice: "a\"b'c&d"),
            "<Response><Redirect>https://t.example/v?a=1&amp;b=\"2\"&lt;&gt;</Redirect><Say voice=\"a&quot;b'c&amp;d\">x</Say></Response>" },
        { "gather with nested say", () => new TwimlResponse()
                .Gather(g => g.Say("Press 1 to leave a message.", language: "en-US").Say("Para español, oprima 2.", language: "es-US"),
                    numDigits: 1, action: "/twilio/voice/menu?s=1&t=2", timeout: 7)
                .Say("We did not hear a choice. Goodbye.").Hangup(),
            "<Response><Gather action=\"/twilio/voice/menu?s=1&amp;t=2\" numDigits=\"1\" timeout=\"7\">"
            + "<Say language=\"en-US\">Press 1 to leave a message.</Say><Say language=\"es-US\">Para español, oprima 2.</Say></Gather>"
            + "<Say>We did not hear a choice. Goodbye.</Say><Hangup /></Response>" },
        { "gather without attributes", () => new TwimlResponse().Gather(_ => { }), "<Response><Gather /></Response>" },
        { "record with every attribute", () => new TwimlResponse()
                .Say("Leave your tip after the beep.")
                .Record(action: "/twilio/voice/recorded", recordingStatusCallback: "/twilio/voice/recording?c=1&d=2", maxLength: 300, playBeep: true, timeout: 10),
            "<Response><Say>Leave your tip after the beep.</Say><Record action=\"/twilio/voice/recorded\" "
            + "recordingStatusCallback=\"/twilio/voice/recording?c=1&amp;d=2\" maxLength=\"300\" playBeep=\"true\" timeout=\"10\" /></Response>" },
        { "record without a beep", () => new TwimlResponse().Record(playBeep: false), "<Response><Record playBeep=\"false\" /></Response>" },
        { "redirect and hangup", () => new TwimlResponse().Redirect("/twilio/voice").Hangup(),
            "<Response><Redirect>/twilio/voice</Redirect><Hangup /></Response>" },
        { "characters XML cannot carry are dropped", () => new TwimlResponse().Message("a\u0000b\u0007c\u001Fd \uD800e 👋\tf"),
            "<Response><Message>abcd e 👋\tf</Message></Response>" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void TwiML_documents(string _, Func<TwimlResponse> build, string expected)
    {
        var xml = build().ToXml();

        Assert.Equal(Declaration + expected, xml);
        Assert.Equal("Response", XDocument.Parse(xml).Root!.Name.LocalName); // well-formed
    }

    [Fact]
    public void Escaped_text_reads_back_as_the_original()
    {
        const string tip = "He said \"meet at 3 & bring it\" <behind the gym> 'tomorrow'";

        var xml = new TwimlResponse().Say(tip).Message(tip).ToXml();

        Assert.All(XDocument.Parse(xml).Root!.Elements(), e => Assert.Equal(tip, e.Value));
    }

    [Fact]
    public async Task The_http_result_is_application_xml_in_utf8()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        await new TwimlResponse().Say("¿Hola?").ToResult().ExecuteAsync(context);

        Assert.Equal("application/xml; charset=utf-8", context.Response.ContentType);
        Assert.Equal(Declaration + "<Response><Say>¿Hola?</Say></Response>", System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
