using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TipLine.IntegrationTests.Translation;

/// <summary>
/// Local stand-ins on 127.0.0.1 for three translation services, each answering in its documented shapes: LibreTranslate
/// (/libre: GET languages, POST translate, errors as {"error": "..."}), an OpenAI-compatible chat-completions server
/// (/openai/v1: POST chat/completions, errors as {"error": {"message","type","param","code"}}) and Azure AI Translator v3
/// (/azure: GET languages, POST translate?api-version=3.0, errors as {"error": {"code": 400050, "message": "..."}}).
/// They translate from a phrasebook (anything else becomes "[to] text"), refuse a pair outside <see cref="Offered"/>,
/// refuse a text over each service's limit, and can be told to answer "too many requests".
/// </summary>
public sealed class FakeTranslationApis : IAsyncDisposable
{
    public const string LibreKey = "libre-test-key";
    public const string ChatKey = "chat-test-key";
    public const string ChatModel = "test-model";
    public const string AzureKey = "azure-test-key";
    public const string AzureRegion = "eastus";

    /// <summary>The fake's own limits: LibreTranslate's --char-limit, the model's context, Azure's "text too long".</summary>
    public const int LibreCharLimit = 200, ChatCharLimit = 300, AzureCharLimit = 1000;

    private static readonly Dictionary<string, string> EnglishNames = new()
    {
        ["English"] = "en", ["Spanish"] = "es", ["Vietnamese"] = "vi", ["Simplified Chinese"] = "zh-Hans", ["Arabic"] = "ar",
        ["Haitian Creole"] = "ht", ["Portuguese"] = "pt", ["Russian"] = "ru", ["Somali"] = "so", ["Tagalog"] = "tl",
        ["Korean"] = "ko", ["French"] = "fr",
    };

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<(string From, string To, string Text), string> phrasebook = new();
    private readonly ConcurrentQueue<(string Api, string Body)> translations = new();
    private readonly Dictionary<string, int> rateLimited = [];

    private FakeTranslationApis(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public Uri LibreTranslateUrl => new(BaseUrl, "libre/");
    public Uri ChatUrl => new(BaseUrl, "openai/v1/");
    public Uri AzureUrl => new(BaseUrl, "azure/");

    /// <summary>The languages every service offers (Azure calls Tagalog "fil"). Somali and Haitian Creole are not among them.</summary>
    public HashSet<string> Offered { get; } = ["en", "es", "vi", "zh-Hans", "ar", "fr", "pt", "tl"];

    /// <summary>Every translation request that reached a service, whatever it answered: ("libre"|"chat"|"azure", body).</summary>
    public IReadOnlyList<(string Api, string Body)> Translations => [.. translations];

    public void Add(string from, string to, string text, string translation) => phrasebook[(from, to, text)] = translation;

    /// <summary>The next <paramref name="count"/> translation requests to <paramref name="api"/> get 429.</summary>
    public void RateLimitNext(string api, int count)
    {
        lock (rateLimited) rateLimited[api] = count;
    }

    public static async Task<FakeTranslationApis> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTranslationApis(app);
        app.MapGet("/libre/languages", fake.LibreLanguages);
        app.MapPost("/libre/translate", fake.LibreTranslateAsync);
        app.MapPost("/openai/v1/chat/completions", fake.ChatAsync);
        app.MapGet("/azure/languages", fake.AzureLanguages);
        app.MapPost("/azure/translate", fake.AzureTranslateAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First() + "/");
        return fake;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private string Translate(string from, string to, string text) =>
        phrasebook.TryGetValue((from, to, text), out var known) ? known : $"[{to}] {text}";

    private bool TakeRateLimit(string api)
    {
        lock (rateLimited)
        {
            if (rateLimited.GetValueOrDefault(api) <= 0) return false;
            rateLimited[api]--;
            return true;
        }
    }

    private async Task<string> RecordAsync(string api, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        translations.Enqueue((api, body));
        return body;
    }

    // --- LibreTranslate ---

    private IResult LibreLanguages() =>
        Results.Json(Offered.Select(code => new { code, name = code, targets = Offered.Where(t => t != code).ToArray() }));

    private async Task<IResult> LibreTranslateAsync(HttpRequest request)
    {
        var body = JsonNode.Parse(await RecordAsync("libre", request))!.AsObject();
        if ((string?)body["api_key"] != LibreKey) return Results.Json(new { error = "Invalid API key" }, statusCode: 403);
        if (TakeRateLimit("libre")) return Results.Json(new { error = "Slowdown: 1 per 1 minute" }, statusCode: 429);
        var source = (string?)body["source"] ?? "";
        var target = (string?)body["target"] ?? "";
        foreach (var code in new[] { source, target }.Where(c => !Offered.Contains(c)))
            return Results.Json(new { error = $"{code} is not supported" }, statusCode: 400);
        var q = body["q"];
        string[] texts = q is JsonArray array ? [.. array.Select(t => (string?)t ?? "")] : [(string?)q ?? ""];
        if (texts.FirstOrDefault(t => t.Length > LibreCharLimit) is { } tooLong)
            return Results.Json(new { error = $"Invalid request: request ({tooLong.Length}) exceeds text limit ({LibreCharLimit})" }, statusCode: 400);
        var translated = texts.Select(t => Translate(source, target, t)).ToArray();
        return q is JsonArray ? Results.Json(new { translatedText = translated }) : Results.Json(new { translatedText = translated[0] });
    }

    // --- OpenAI-compatible chat completions ---

    private async Task<IResult> ChatAsync(HttpRequest request, HttpResponse response)
    {
        var body = JsonNode.Parse(await RecordAsync("chat", request))!.AsObject();
        if (request.Headers.Authorization.ToString() != $"Bearer {ChatKey}")
            return ChatError(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        if (TakeRateLimit("chat"))
        {
            response.Headers["retry-after"] = "7";
            return ChatError(429, "Rate limit reached for requests. Please try again in 7s.", "requests", "rate_limit_exceeded");
        }
        if ((string?)body["model"] != ChatModel) return ChatError(404, "The model does not exist.", "invalid_request_error", "model_not_found");
        var messages = body["messages"]!.AsArray();
        var prompt = (string?)messages.Single(m => (string?)m!["role"] == "system")!["content"] ?? "";
        var text = (string?)messages.Single(m => (string?)m!["role"] == "user")!["content"] ?? "";
        if (text.Length > ChatCharLimit)
            return ChatError(400, "This model's maximum context length is 512 tokens. Please reduce the length of the messages.",
                "invalid_request_error", "context_length_exceeded");
        // The fixed prompt names both languages: "You translate Vietnamese text into English. ..."
        var words = prompt.Split(" text into ");
        var from = EnglishNames.GetValueOrDefault(words[0].Replace("You translate ", "", StringComparison.Ordinal), "?");
        var to = EnglishNames.First(n => words[1].StartsWith(n.Key + ".", StringComparison.Ordinal)).Value;
        return Results.Json(new
        {
            id = "chatcmpl-" + Guid.NewGuid().ToString("N"), @object = "chat.completion", created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model = ChatModel,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Translate(from, to, text) }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 40, completion_tokens = 20, total_tokens = 60 },
        });
    }

    private static IResult ChatError(int status, string message, string type, string code) =>
        Results.Json(new { error = new { message, type, param = (string?)null, code } }, statusCode: status);

    // --- Azure AI Translator v3 ---

    private static string AzureCode(string ours) => ours == "tl" ? "fil" : ours;

    private static string OurCode(string azure) => azure == "fil" ? "tl" : azure;

    private IResult AzureLanguages(HttpRequest request) =>
        request.Query["api-version"] != "3.0"
            ? AzureError(400, 400021, "The API version parameter is missing or invalid.")
            : Results.Json(new { translation = Offered.ToDictionary(AzureCode, code => new { name = code, nativeName = code, dir = code == "ar" ? "rtl" : "ltr" }) });

    private async Task<IResult> AzureTranslateAsync(HttpRequest request)
    {
        var body = await RecordAsync("azure", request);
        if (request.Headers["Ocp-Apim-Subscription-Key"] != AzureKey || request.Headers["Ocp-Apim-Subscription-Region"] != AzureRegion)
            return AzureError(401, 401000, "The request is not authorized because credentials are missing or invalid.");
        if (request.Query["api-version"] != "3.0") return AzureError(400, 400021, "The API version parameter is missing or invalid.");
        if (TakeRateLimit("azure")) return AzureError(429, 429001, "The server rejected the request because the client has exceeded request limits.");
        var from = OurCode(request.Query["from"].ToString());
        var to = OurCode(request.Query["to"].ToString());
        if (!Offered.Contains(from)) return AzureError(400, 400035, "The source language (\"From\" field) is not valid.");
        if (!Offered.Contains(to)) return AzureError(400, 400036, "The target language (\"To\" field) is missing or invalid.");
        var items = JsonSerializer.Deserialize<JsonArray>(body)!.Select(i => (string?)i!["Text"] ?? "").ToList();
        if (items.Any(t => t.Length > AzureCharLimit)) return AzureError(400, 400050, "The input text is too long.");
        return Results.Json(items.Select(t => new { translations = new[] { new { text = Translate(from, to, t), to = AzureCode(to) } } }));
    }

    private static IResult AzureError(int status, int code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
