using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

public sealed record SmsCase(
    string Name, Func<Dictionary<string, string>> Form, SmsDistrict.Signing Signing, HttpStatusCode Status, string? ReplyContains,
    long NewReports, long HeldTips = 0)
{
    public override string ToString() => Name;
}

/// <summary>Inbound texts, table-driven through one runner.</summary>
public sealed class SmsWebhookTests : SmsDistrict
{
    private const string Student = "+15551230001";

    public static TheoryData<SmsCase> Cases => new()
    {
        new("valid signature, school number", () => Sms(Student, DemoDistrict.LincolnHighNumber, "A kid in my class says he has a gun in his backpack"),
            Signing.Valid, HttpStatusCode.OK, "we received your tip for Lincoln High School", 1),
        new("wrong signature", () => Sms(Student, DemoDistrict.LincolnHighNumber, "A kid has a gun"),
            Signing.Wrong, HttpStatusCode.Forbidden, null, 0),
        new("missing signature", () => Sms(Student, DemoDistrict.LincolnHighNumber, "A kid has a gun"),
            Signing.Missing, HttpStatusCode.Forbidden, null, 0),
        new("another account's webhook", () => Sms(Student, DemoDistrict.LincolnHighNumber, "A kid has a gun", accountSid: "AC" + new string('9', 32)),
            Signing.Valid, HttpStatusCode.Forbidden, null, 0),
        new("district number without a school code", () => Sms(Student, DemoDistrict.DistrictNumber, "someone is selling vapes in the bathroom"),
            Signing.Valid, HttpStatusCode.OK, "Which school is it about? Reply with the school code: JES (Jefferson Elementary School), LHS", 0, 1),
        new("district number with a school code", () => Sms(Student, DemoDistrict.DistrictNumber, "RMS there is a fight planned at recess"),
            Signing.Valid, HttpStatusCode.OK, "Roosevelt Middle School", 1),
        new("Spanish text", () => Sms(Student, DemoDistrict.LincolnHighNumber, "hay un chico con una pistola en la escuela, tengo miedo"),
            Signing.Valid, HttpStatusCode.OK, "recibimos tu reporte", 1),
        new("Chinese text", () => Sms(Student, DemoDistrict.LincolnHighNumber, "有个同学说明天要带刀来学校"),
            Signing.Valid, HttpStatusCode.OK, "我们已收到你关于", 1),
        new("empty body with a picture", () => WithMedia(Sms(Student, DemoDistrict.LincolnHighNumber, "")),
            Signing.Valid, HttpStatusCode.OK, "we received your tip", 1),
        new("over-long body", () => Sms(Student, DemoDistrict.LincolnHighNumber, string.Concat(Enumerable.Repeat("He keeps threatening people. ", 120))),
            Signing.Valid, HttpStatusCode.OK, "we received your tip", 1),
        new("HELP", () => Sms(Student, DemoDistrict.LincolnHighNumber, "HELP"),
            Signing.Valid, HttpStatusCode.OK, "Emergency: 911", 0),
        new("a form over the webhook size limit", () => Padded(Sms(Student, DemoDistrict.LincolnHighNumber, "A kid has a gun")),
            Signing.Valid, HttpStatusCode.RequestEntityTooLarge, null, 0),
        new("malformed form", () => new Dictionary<string, string> { ["AccountSid"] = AccountSid, ["Body"] = "no sid, no numbers" },
            Signing.Valid, HttpStatusCode.BadRequest, null, 0),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Inbound_text(SmsCase c)
    {
        var (status, body) = await PostWebhookAsync("/twilio/sms", c.Form(), c.Signing);

        Assert.Equal(c.Status, status);
        if (c.ReplyContains is not null)
        {
            Assert.StartsWith("<?xml", body, StringComparison.Ordinal);
            Assert.Contains(c.ReplyContains, WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        }
        Assert.Equal(c.NewReports, await CountAsync("intake.reports"));
        Assert.Equal(c.HeldTips, await CountAsync("intake.sms_held"));
        Assert.DoesNotContain(Student, App.Logs.All, StringComparison.Ordinal);
    }

    /// <summary>A signed form of about 80 KB: more than any Twilio webhook, refused before it is read.</summary>
    private static Dictionary<string, string> Padded(Dictionary<string, string> form)
    {
        form["Padding"] = new string('x', 80 * 1024);
        return form;
    }

    private static Dictionary<string, string> WithMedia(Dictionary<string, string> form)
    {
        form["NumMedia"] = "1";
        form["MediaUrl0"] = "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1";
        form["MediaContentType0"] = "image/jpeg";
        return form;
    }
}
