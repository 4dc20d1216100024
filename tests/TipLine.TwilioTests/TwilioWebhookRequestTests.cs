using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using TipLine.Twilio;

namespace TipLine.TwilioTests;

public class TwilioWebhookRequestTests
{
    private const string Token = "12345";
    private const string DocSignature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    private const string DocForm = "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212";

    private static readonly KeyValuePair<string, string>[] DocPairs =
    [
        new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"),
        new("From", "+12349013030"), new("To", "+18005551212"),
    ];

    private static DefaultHttpContext Request(
        string form = DocForm, string? signature = DocSignature, string path = "/myapp.php", string query = "?foo=1&bar=2",
        string contentType = "application/x-www-form-urlencoded", string method = "POST", string? rawTarget = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        // What the app sees behind a proxy: its own scheme and host, and forwarded headers anyone could have written.
        request.Scheme = "http";
        request.Host = new HostString("10.1.2.3:8080");
        request.Headers["X-Forwarded-Host"] = "attacker.example";
        request.Headers["X-Forwarded-Proto"] = "http";
        request.Path = path;
        request.QueryString = new QueryString(query);
        request.ContentType = contentType;
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
        if (signature is not null) request.Headers[TwilioSignature.HeaderName] = signature;
        if (rawTarget is not null) context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        return context;
    }

    [Theory]
    [InlineData("https://mycompany.com")]
    [InlineData("https://mycompany.com/")]
    [InlineData("https://mycompany.com:443")]
    public async Task The_documented_request_is_signed_whatever_host_headers_say(string publicBaseUrl)
    {
        var context = Request();

        Assert.True(await TwilioWebhookRequest.IsSignedAsync(context.Request, Token, publicBaseUrl, default));
    }

    public sealed record RequestCase(DefaultHttpContext Context, string PublicBaseUrl, bool Accepted);

    private static readonly Dictionary<string, Func<RequestCase>> Cases = new()
    {
        ["signed: raw target as received"] = () => new(Request(path: "/ignored", query: "", rawTarget: "/myapp.php?foo=1&bar=2"), "https://mycompany.com", true),
        ["signed: a proxy strips a path prefix that the public base URL keeps"] = () => new(
            Request(signature: TwilioSignature.Compute(Token, "https://mycompany.com/tipline/myapp.php?foo=1&bar=2", DocPairs)),
            "https://mycompany.com/tipline", true),
        ["refused: the path prefix is missing from the public base URL"] = () => new(
            Request(signature: TwilioSignature.Compute(Token, "https://mycompany.com/tipline/myapp.php?foo=1&bar=2", DocPairs)),
            "https://mycompany.com", false),
        ["refused: the URL Twilio called is not our public URL"] = () => new(Request(), "https://other.example", false),
        ["refused: no signature header"] = () => new(Request(signature: null), "https://mycompany.com", false),
        ["refused: empty signature header"] = () => new(Request(signature: ""), "https://mycompany.com", false),
        ["refused: two signature headers"] = () =>
        {
            var context = Request();
            context.Request.Headers[TwilioSignature.HeaderName] = new([DocSignature, DocSignature]);
            return new(context, "https://mycompany.com", false);
        },
        ["refused: tampered form"] = () => new(Request(form: DocForm.Replace("Digits=1234", "Digits=9999", StringComparison.Ordinal)), "https://mycompany.com", false),
        ["refused: extra form field"] = () => new(Request(form: DocForm + "&Body=hi"), "https://mycompany.com", false),
        ["refused: JSON body"] = () => new(Request(form: "{}", contentType: "application/json"), "https://mycompany.com", false),
        ["refused: GET signed as if it had the POST fields"] = () => new(Request(method: "GET", form: ""), "https://mycompany.com", false),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Webhook_request_cases(string name)
    {
        var c = Cases[name]();

        Assert.Equal(c.Accepted, await TwilioWebhookRequest.IsSignedAsync(c.Context.Request, Token, c.PublicBaseUrl, default));
    }

    [Fact]
    public void The_public_url_is_the_configured_base_and_the_raw_target()
    {
        var context = Request(path: "/sms", query: "", rawTarget: "/twilio/sms%2Fin?x=a%20b");

        Assert.Equal("https://tips.example.org/twilio/sms%2Fin?x=a%20b", TwilioWebhookRequest.PublicUrl(context.Request, "https://tips.example.org/"));
    }

    [Fact]
    public async Task A_local_webhook_endpoint_accepts_a_signed_post_and_refuses_a_tampered_one()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/twilio/voice", async (HttpRequest request, CancellationToken ct) =>
            await TwilioWebhookRequest.IsSignedAsync(request, Token, "https://tips.example.org", ct) ? Results.Ok() : Results.StatusCode(403));
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(10) };
            const string target = "/twilio/voice?school=North%20High&x=1";
            KeyValuePair<string, string>[] form = [new("CallSid", "CA" + new string('1', 32)), new("From", "+15005550006"), new("To", "+15005550001")];
            var signature = TwilioSignature.Compute(Token, "https://tips.example.org" + target, form);

            async Task<HttpStatusCode> PostAsync(IEnumerable<KeyValuePair<string, string>> body)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(body) };
                request.Headers.Add(TwilioSignature.HeaderName, signature);
                request.Headers.Host = "attacker.example";
                using var response = await http.SendAsync(request);
                return response.StatusCode;
            }

            Assert.Equal(HttpStatusCode.OK, await PostAsync(form));
            Assert.Equal(HttpStatusCode.Forbidden, await PostAsync([.. form.SkipLast(1), new("To", "+15005550009")]));
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
