using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TipLine.Bus.Telemetry;
using TipLine.Hosting;
using TipLine.IntegrationTests.Channels;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Twilio;
using Xunit;

namespace TipLine.IntegrationTests.Platform;

/// <summary>
/// What a district's observability stack would receive: tips by web form, text and email and a question back by mail,
/// with OpenTelemetry on. The traces must follow a tip from the request through the outbox and the bus to the team's
/// queue, and nothing exported may hold the reporter's words, number, address or network address.
/// </summary>
// Alone: OpenTelemetry listens process-wide, and another test's process would add its spans and measurements to this one's.
[Collection(Alone.Name)]
public sealed class TelemetryPrivacyTests : EmailDistrict
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "telemetry-test-auth-token";
    private const string PublicBaseUrl = "https://tips.example.org";

    private const string Phone = "+15557654321";
    private const string WebWords = "quillmoor7731";
    private const string SmsWords = "brackenfold4410";
    private const string MailWords = "tamsinvale9902";
    private const string ProxyTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static readonly string[] Channels = ["channel=web", "channel=sms", "channel=email"];

    private readonly TelemetryCapture telemetry = new();
    private readonly string reporterMail = MailServer.NewUser("jordan.whitfield", "example.test");

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Telemetry:Enabled"] = "true",
        ["Telemetry:SampleInterval"] = "00:00:01",
        ["Twilio:AccountSid"] = AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
        // Nothing here answers: texted alerts to staff fail over to their email, which this test does not need.
        ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
        ["Twilio:RetryBaseDelay"] = "00:00:00.010",
        ["Twilio:RetryMaxDelay"] = "00:00:00.050",
    };

    protected override void ReplaceServices(IServiceCollection services) => telemetry.AddTo(services);

    [Fact]
    public async Task Traces_follow_a_tip_to_the_team_s_queue_and_nothing_exported_names_or_quotes_a_reporter()
    {
        // The trace context a browser or a traced proxy sends (whose own span would hold the client's address) is not adopted.
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{ProxyTraceId}-00f067aa0ba902b7-01");
        client.DefaultRequestHeaders.Add("baggage", "client.address=198.51.100.23");
        using var reporter = new ReporterClient(client);
        Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh,
            $"A student named {WebWords} said he will bring a gun to school tomorrow")).Status);
        Assert.Equal(HttpStatusCode.OK, await PostSmsAsync(Phone, DemoDistrict.LincolnHighNumber, $"{SmsWords} is selling vapes in the bathroom"));
        await Mail.AppendAsync(LincolnTips, Tip(reporterMail, LincolnTips, "worried", $"My friend {MailWords} talks about hurting himself.",
            fromName: "Jordan Whitfield"));

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var cases = await Eventually.GetAsync(async () => await staff.QueueAsync() is { Count: 3 } q ? q : null, what: "three cases in Lincoln's queue");
        var byMail = cases.Single(c => c.Channel == "email");
        Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(byMail.CaseId, "Is your friend safe right now?"));
        await Mail.WaitForMessagesAsync(reporterMail, 2, "the acknowledgement and the team's question");

        var metrics = await Eventually.GetAsync(() =>
        {
            TelemetryCapture.Flush(App.Services);
            var names = telemetry.Metrics.Select(m => m.Text).ToList();
            return Task.FromResult<List<string>?>(
                Channels.All(c => names.Any(n => n.StartsWith("tipline.tips.accepted", StringComparison.Ordinal) && n.Contains(c, StringComparison.Ordinal)))
                && names.Any(n => n.StartsWith("tipline.tips.time_to_case", StringComparison.Ordinal))
                && names.Any(n => n.StartsWith("tipline.work.depth kind=Email", StringComparison.Ordinal))
                    ? names : null);
        }, what: "tips accepted per channel, time to case and work-queue depth in the exported metrics");
        Assert.Contains(metrics, m => m.StartsWith("tipline.outbox.depth module=intake", StringComparison.Ordinal));

        // The web form's POST starts a trace that reaches routing's and teams' consumers through both outboxes, and the database.
        var post = telemetry.Spans.Single(s => s.Kind == ActivityKind.Server && s.Tags.GetValueOrDefault("http.request.method") == "POST"
            && s.Tags.GetValueOrDefault("http.route") is { } route && route.Contains("report", StringComparison.OrdinalIgnoreCase));
        var trace = telemetry.Spans.Where(s => s.TraceId == post.TraceId).ToList();
        Assert.True(trace.Count(s => s.Source == "MassTransit" && s.Kind == ActivityKind.Consumer) >= 2,
            "Expected the tip's trace to reach routing and teams: " + string.Join(" | ", trace.Select(s => $"{s.Source} {s.Kind} {s.Name}")));
        Assert.Contains(trace, s => s.Source == "TipLine" && s.Name == "outbox publish");
        Assert.Contains(trace, s => s.Source == "Npgsql");
        Assert.NotEmpty(telemetry.Logs);

        // The scan below sees spans and logs: a canary of each is found.
        using (var canary = PipelineTelemetry.Source.StartActivity("canary")) canary?.SetTag("messaging.destination.name", "canary-span-5512");
        var canaryLog = App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Canary");
        canaryLog.LogInformation("Canary {Value}", "canary-log-5512");
        // A library's exception may quote what it choked on: exported logs keep its type only.
        canaryLog.LogError(new FormatException($"could not read '{WebWords}'"), "Canary failure");
        TelemetryCapture.Flush(App.Services);
        Assert.Contains("canary-span-5512", telemetry.AllText, StringComparison.Ordinal);
        Assert.Contains("canary-log-5512", telemetry.AllText, StringComparison.Ordinal);
        Assert.Contains(telemetry.Logs, l => l.Contains("Canary failure", StringComparison.Ordinal)
            && l.Contains("exception.type=System.FormatException", StringComparison.Ordinal));
        Assert.DoesNotContain(telemetry.Spans, s => s.TraceId == ProxyTraceId);

        var exported = telemetry.AllText;
        string[] planted =
        [
            WebWords, SmsWords, MailWords, Phone, Phone[1..], "555-765-4321", "7654321", reporterMail, reporterMail.Split('@')[0],
            "Whitfield", TipLineApp.ReporterAddress.ToString(), ProxyTraceId, "198.51.100.23",
        ];
        Assert.All(planted, value => Assert.DoesNotContain(value, exported, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An inbound text as Twilio posts it, signed over the public URL.</summary>
    private async Task<HttpStatusCode> PostSmsAsync(string from, string to, string body)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = AccountSid, ["From"] = from, ["To"] = to, ["Body"] = body,
            ["NumMedia"] = "0",
        };
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(AuthToken, PublicBaseUrl + "/twilio/sms", form));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
