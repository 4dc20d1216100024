using System.Net.Sockets;
using System.Text;
using TipLine.Twilio;
using TipLine.Twilio.Messages;
using static TipLine.TwilioTests.FakeTwilioApi;
using static TipLine.TwilioTests.TwilioClientFactory;

namespace TipLine.TwilioTests;

public class TwilioMessagesClientTests
{
    private const string Sid = "SM0123456789abcdef0123456789abcdef";
    private const string Callback = "https://tips.example.org/twilio/sms/status?m=42";

    private static Answer Ok => new(201, Created(Sid, AccountSid));

    private static Answer Fail(int status, int code, string message) => new(status, Error(code, message, status));

    [Fact]
    public async Task A_created_message_is_sent_with_its_sid_after_one_documented_request()
    {
        await using var api = await StartAsync([Ok]);
        await using var services = Services(api.BaseUrl);

        var result = await services.Client().SendAsync("+15005550001", "+15005550006", "Your tip was received & read.", Callback, default);

        Assert.Equal(new MessageSent(Sid, "queued"), result);
        var request = Assert.Single(api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), request.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["From"] = "+15005550001", ["To"] = "+15005550006", ["Body"] = "Your tip was received & read.", ["StatusCallback"] = Callback,
            },
            request.Form);
    }

    [Fact]
    public async Task Without_a_status_callback_no_StatusCallback_field_is_sent()
    {
        await using var api = await StartAsync([Ok]);
        await using var services = Services(api.BaseUrl);

        await services.Client().SendAsync("+15005550001", "+15005550006", "hi", null, default);

        Assert.Equal(["Body", "From", "To"], api.Requests.Single().Form.Keys.Order(StringComparer.Ordinal));
    }

    public sealed record ScriptCase(Answer[] Script, Type Outcome, int Requests, int? Code = null);

    private static readonly Dictionary<string, ScriptCase> Scripts = new()
    {
        ["201 is sent"] = new([Ok], typeof(MessageSent), 1),
        ["429 then 201 is retried, then sent"] = new([Fail(429, 20429, "Too Many Requests"), Ok], typeof(MessageSent), 2),
        ["429 without a body is retried"] = new([new Answer(429), Ok], typeof(MessageSent), 2),
        // After a 5xx the text may exist: not sent again here; the caller's queue asks Twilio first.
        ["500 is not sent again: the text may exist"] = new([Fail(500, 20500, "Internal Server Error"), Ok], typeof(MessageTransientFailure), 1, 20500),
        ["503 is not sent again"] = new([Fail(503, 20503, "Service Unavailable"), Ok], typeof(MessageTransientFailure), 1, 20503),
        ["502 with an HTML page is not sent again"] =
            new([new Answer(502, "<html><body>Bad gateway</body></html>", ContentType: "text/html"), Ok], typeof(MessageTransientFailure), 1),
        ["400 with code 20429 is retried"] = new([Fail(400, 20429, "Too Many Requests"), Ok], typeof(MessageSent), 2),
        ["400 with 21610 is refused at once"] = new([Fail(400, 21610, "Attempt to send to unsubscribed recipient"), Ok], typeof(MessageRefused), 1, 21610),
        ["400 with 30007 is refused at once"] = new([Fail(400, 30007, "Message filtered"), Ok], typeof(MessageRefused), 1, 30007),
        ["500 with 21610 is still never retried"] = new([Fail(500, 21610, "Attempt to send to unsubscribed recipient"), Ok], typeof(MessageRefused), 1, 21610),
        ["429 with 30007 is still never retried"] = new([Fail(429, 30007, "Message filtered"), Ok], typeof(MessageRefused), 1, 30007),
        ["400 with 21211 (bad To) is refused at once"] = new([Fail(400, 21211, "The 'To' number is not a valid phone number."), Ok], typeof(MessageRefused), 1, 21211),
        ["401 with 20003 (bad credentials) is refused at once"] = new([Fail(401, 20003, "Authenticate"), Ok], typeof(MessageRefused), 1, 20003),
        ["404 without a body is refused at once"] = new([new Answer(404), Ok], typeof(MessageRefused), 1),
        ["persistent 429 fails transiently after every retry"] =
            new([.. Enumerable.Repeat(Fail(429, 20429, "Too Many Requests"), Retries + 1), Ok], typeof(MessageTransientFailure), Retries + 1, 20429),
        ["persistent 400/20429 fails transiently after every retry"] =
            new([.. Enumerable.Repeat(Fail(400, 20429, "Too Many Requests"), Retries + 1), Ok], typeof(MessageTransientFailure), Retries + 1, 20429),
    };

    public static TheoryData<string> ScriptNames => [.. Scripts.Keys];

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public async Task Twilio_answers(string name)
    {
        var c = Scripts[name];
        await using var api = await StartAsync(c.Script);
        await using var services = Services(api.BaseUrl);

        var result = await services.Client().SendAsync("+15005550001", "+15005550006", "A question from the team", Callback, default);

        Assert.IsType(c.Outcome, result);
        Assert.Equal(c.Requests, api.Requests.Count);
        Assert.All(api.Requests, r => Assert.Equal("A question from the team", r.Form["Body"])); // every retry resends the whole form
        switch (result)
        {
            case MessageRefused refused:
                Assert.Equal(c.Code, refused.Code);
                Assert.Equal(c.Code == TwilioErrorCodes.Unsubscribed, refused.RecipientOptedOut);
                break;
            case MessageTransientFailure failure:
                Assert.Equal(c.Code, failure.Code);
                break;
        }
    }

    [Fact]
    public async Task A_refusal_carries_twilios_code_message_and_status()
    {
        await using var api = await StartAsync([Fail(400, 21610, "Attempt to send to unsubscribed recipient")]);
        await using var services = Services(api.BaseUrl);

        var result = await services.Client().SendAsync("+15005550001", "+15005550006", "hi", null, default);

        Assert.Equal(new MessageRefused(21610, "Attempt to send to unsubscribed recipient", 400), result);
    }

    [Fact]
    public async Task With_retries_turned_off_a_429_is_tried_once()
    {
        await using var api = await StartAsync([Fail(429, 20429, "Too Many Requests"), Ok]);
        await using var services = Services(api.BaseUrl, s => s["Twilio:MaxRetryAttempts"] = "0");

        var result = await services.Client().SendAsync("+15005550001", "+15005550006", "hi", null, default);

        Assert.IsType<MessageTransientFailure>(result);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Twilios_retry_after_is_waited_for_even_beyond_the_backoff_cap()
    {
        await using var api = await StartAsync([Fail(429, 20429, "Too Many Requests") with { RetryAfter = "1" }, Ok]);
        await using var services = Services(api.BaseUrl);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await services.Client().SendAsync("+15005550001", "+15005550006", "hi", null, default);

        Assert.IsType<MessageSent>(result);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_not_sent_again_because_Twilio_may_have_taken_it()
    {
        await using var api = await StartAsync([new Answer(201, Created(Sid, AccountSid), Delay: TimeSpan.FromSeconds(10)), Ok]);
        await using var services = Services(api.BaseUrl, s => s["Twilio:AttemptTimeout"] = "00:00:00.300");

        var result = await services.Client().SendAsync("+15005550001", "+15005550006", "hi", null, default);

        Assert.IsType<MessageTransientFailure>(result);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task An_unreachable_api_fails_transiently_after_the_retries()
    {
        var closedPort = ClosedLoopbackPort();
        await using var services = Services(new Uri($"http://127.0.0.1:{closedPort}"));

        var result = await services.Client().SendAsync("+15005550001", "+15005550006", "hi", null, default);

        var failure = Assert.IsType<MessageTransientFailure>(result);
        Assert.Null(failure.HttpStatus);
    }

    [Fact]
    public async Task A_201_without_a_sid_is_a_fault_not_a_refusal()
    {
        await using var api = await StartAsync([new Answer(201, """{"status": "queued"}""")]);
        await using var services = Services(api.BaseUrl);

        await Assert.ThrowsAsync<InvalidDataException>(() => services.Client().SendAsync("+15005550001", "+15005550006", "hi", null, default));
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_a_result()
    {
        await using var api = await StartAsync([new Answer(201, Created(Sid, AccountSid), Delay: TimeSpan.FromSeconds(10))]);
        await using var services = Services(api.BaseUrl);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Client().SendAsync("+15005550001", "+15005550006", "hi", null, cancel.Token));
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
