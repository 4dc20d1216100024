using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TipLine.TwilioTests;

/// <summary>One scripted answer: status, JSON body, an optional delay before answering and an optional Retry-After.</summary>
public sealed record Answer(int Status, string? Json = null, TimeSpan Delay = default, string ContentType = "application/json", string? RetryAfter = null);

public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// A local stand-in for api.twilio.com on 127.0.0.1, answering the Messages API from a script in Twilio's documented
/// shapes. When the script runs out it answers 500, so a runaway retry loop fails the test instead of hanging.
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Answer> script;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<ListedMessage> created = new();
    private readonly ConcurrentQueue<string> lookups = new();
    private readonly ConcurrentQueue<string> copyDeletions = new();
    private int copyFailures;
    private int copyAnswer;
    private int copyRequests;

    private FakeTwilioApi(WebApplication app, IEnumerable<Answer> answers)
    {
        this.app = app;
        script = new ConcurrentQueue<Answer>(answers);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every POST to the Messages API.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Every GET of the Messages list (path and query).</summary>
    public IReadOnlyList<string> Lookups => [.. lookups];

    /// <summary>
    /// Every deletion of a stored copy Twilio carried out, as "METHOD path": a recording or media DELETE, or a message
    /// redaction (a POST to the message whose Body is empty). Failed requests are not listed.
    /// </summary>
    public IReadOnlyList<string> CopyDeletions => [.. copyDeletions];

    /// <summary>The next <paramref name="count"/> deletion requests get 500.</summary>
    public void FailNextCopyDeletions(int count) => Interlocked.Exchange(ref copyFailures, count);

    /// <summary>Every deletion request from now on gets this status (and is not carried out).</summary>
    public void AnswerCopyDeletionsWith(int status) => Interlocked.Exchange(ref copyAnswer, status);

    /// <summary>Deletion requests received, answered however they were.</summary>
    public int CopyRequests => Volatile.Read(ref copyRequests);

    public static async Task<FakeTwilioApi> StartAsync(IEnumerable<Answer> answers, Action<WebApplication>? moreRoutes = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilioApi(app, answers);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", fake.AnswerAsync);
        app.MapGet("/2010-04-01/Accounts/{accountSid}/Messages.json", fake.ListAsync);
        app.MapDelete("/2010-04-01/Accounts/{accountSid}/Recordings/{recordingSid}.json", fake.DeleteCopyAsync);
        app.MapDelete("/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}/Media/{mediaSid}.json", fake.DeleteCopyAsync);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}.json", fake.DeleteCopyAsync);
        moreRoutes?.Invoke(app);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First());
        return fake;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        requests.Enqueue(new RecordedRequest(request.Method, request.Path, request.Headers.Authorization, request.ContentType, form));

        var answer = script.TryDequeue(out var next) ? next : new Answer(500, Error(20500, "Script exhausted", 500));
        // Accepted means created at once, as at Twilio: the list shows the message even if its answer never arrives.
        if (answer.Status is >= 200 and < 300 && answer.Json is not null && Sid(answer.Json) is { } sid)
        {
            Remember(new ListedMessage(sid, form.GetValueOrDefault("From", ""), form.GetValueOrDefault("To", ""), form.GetValueOrDefault("Body", ""),
                DateTimeOffset.UtcNow));
        }
        if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, context.RequestAborted);
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null) context.Response.Headers.RetryAfter = answer.RetryAfter;
        if (answer.Json is not null)
        {
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Json, context.RequestAborted);
        }
    }

    /// <summary>DELETE of a recording or media file (204), or POST of an empty Body to a message, Twilio's redaction (200).</summary>
    private async Task DeleteCopyAsync(HttpContext context)
    {
        var request = context.Request;
        Interlocked.Increment(ref copyRequests);
        if (Interlocked.Decrement(ref copyFailures) >= 0)
        {
            context.Response.StatusCode = 500;
            return;
        }
        if (Volatile.Read(ref copyAnswer) is > 0 and var scripted)
        {
            context.Response.StatusCode = scripted;
            return;
        }
        if (request.Method == HttpMethods.Post)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            if (!form.TryGetValue("Body", out var body) || body.ToString().Length > 0)
            {
                context.Response.StatusCode = 400; // this stand-in only redacts
                return;
            }
        }
        copyDeletions.Enqueue($"{request.Method} {request.Path}");
        context.Response.StatusCode = request.Method == HttpMethods.Post ? 200 : 204;
    }

    /// <summary>A message Twilio holds, as its list shows it (created through this fake, or put there by a test).</summary>
    public sealed record ListedMessage(string Sid, string From, string To, string Body, DateTimeOffset Created);

    public void Remember(ListedMessage message) => created.Enqueue(message);

    /// <summary>GET Messages.json: the documented list page, filtered by To and From, newest first.</summary>
    private async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        lookups.Enqueue(context.Request.Path + context.Request.QueryString);
        var page = created.Where(m => (!query.ContainsKey("To") || m.To == query["To"]) && (!query.ContainsKey("From") || m.From == query["From"]))
            .OrderByDescending(m => m.Created).Select(m => new Dictionary<string, object?>
            {
                ["sid"] = m.Sid, ["from"] = m.From, ["to"] = m.To, ["body"] = m.Body, ["status"] = "sent", ["direction"] = "outbound-api",
                ["date_created"] = m.Created.ToString("r", System.Globalization.CultureInfo.InvariantCulture).Replace("GMT", "+0000", StringComparison.Ordinal),
            }).ToList();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["messages"] = page, ["page"] = 0, ["page_size"] = 50, ["start"] = 0, ["end"] = Math.Max(page.Count - 1, 0),
            ["first_page_uri"] = context.Request.Path.Value, ["next_page_uri"] = null, ["previous_page_uri"] = null, ["uri"] = context.Request.Path.Value,
        }), context.RequestAborted);
    }

    private static string? Sid(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("sid", out var sid) ? sid.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Twilio's REST error body.</summary>
    public static string Error(int code, string message, int status) =>
        $$"""{"code": {{code}}, "message": "{{message}}", "more_info": "https://www.twilio.com/docs/errors/{{code}}", "status": {{status}}}""";

    /// <summary>A Message resource as Twilio returns it on create (201).</summary>
    public static string Created(string sid, string accountSid, string status = "queued") => $$"""
        {
          "account_sid": "{{accountSid}}",
          "api_version": "2010-04-01",
          "body": "Your tip was received.",
          "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
          "date_sent": null,
          "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000",
          "direction": "outbound-api",
          "error_code": null,
          "error_message": null,
          "from": "+15005550001",
          "messaging_service_sid": null,
          "num_media": "0",
          "num_segments": "1",
          "price": null,
          "price_unit": "USD",
          "sid": "{{sid}}",
          "status": "{{status}}",
          "subresource_uris": {"media": "/2010-04-01/Accounts/{{accountSid}}/Messages/{{sid}}/Media.json"},
          "to": "+15005550006",
          "uri": "/2010-04-01/Accounts/{{accountSid}}/Messages/{{sid}}.json"
        }
        """;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
