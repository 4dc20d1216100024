using Microsoft.Extensions.Options;
using TipLine.Routing.Translation;
using TipLine.Routing.Translation.Engines;
using Xunit;

namespace TipLine.IntegrationTests.Translation;

/// <summary>
/// Each engine against a local server that speaks its service's protocol: the same cases for every engine, one runner.
/// </summary>
public sealed class TranslationEngineTests : IAsyncLifetime
{
    public static TheoryData<string> Engines => [EngineNames.LibreTranslate, EngineNames.ChatCompletions, EngineNames.Azure];

    private FakeTranslationApis apis = null!;

    public async Task InitializeAsync() => apis = await FakeTranslationApis.StartAsync();

    public async Task DisposeAsync() => await apis.DisposeAsync();

    [Theory, MemberData(nameof(Engines))]
    public async Task Every_part_comes_back_translated_in_order_with_the_services_credentials(string engine)
    {
        apis.Add("vi", "en", "Bạn ấy nói sẽ mang súng", "He said he will bring a gun");
        apis.Add("vi", "en", "ở căng tin", "in the cafeteria");

        var answer = await Engine(engine).TranslateAsync(["Bạn ấy nói sẽ mang súng", "một học sinh lớp 9", "ở căng tin"], "vi", "en", CancellationToken.None);

        Assert.Equal(EngineOutcome.Translated, answer.Outcome);
        Assert.Equal(["He said he will bring a gun", "[en] một học sinh lớp 9", "in the cafeteria"], answer.Texts);
        Assert.NotEmpty(apis.Translations); // the fake refuses a request without the right key, so this proves it was sent
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task A_pair_the_service_does_not_offer_sends_no_text(string engine)
    {
        var answer = await Engine(engine).TranslateAsync(["Wiil ayaa sheegay inuu keenayo qori"], "so", "en", CancellationToken.None);

        Assert.Equal(EngineOutcome.PairNotOffered, answer.Outcome);
        Assert.Empty(apis.Translations);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task A_text_over_the_services_limit_is_too_long_not_a_failure(string engine)
    {
        var longText = string.Join(' ', Enumerable.Repeat("Bạn ấy nói sẽ mang súng đến trường.", 40)); // 1,400 characters

        var answer = await Engine(engine).TranslateAsync(["ngắn", longText], "vi", "en", CancellationToken.None);

        Assert.Equal(EngineOutcome.TooLong, answer.Outcome);
        Assert.Single(apis.Translations, t => t.Body.Contains("mang s", StringComparison.Ordinal)); // sent, and the service refused it
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Too_many_requests_is_reported_with_the_wait_the_service_asked_for(string engine)
    {
        var api = Api(engine);
        apis.RateLimitNext(api, 1);

        var answer = await Engine(engine).TranslateAsync(["xin chào"], "vi", "en", CancellationToken.None);
        var next = await Engine(engine).TranslateAsync(["xin chào"], "vi", "en", CancellationToken.None);

        Assert.Equal(EngineOutcome.RateLimited, answer.Outcome);
        // Only the chat server sends Retry-After; LibreTranslate and Azure do not document one.
        Assert.Equal(engine == EngineNames.ChatCompletions ? TimeSpan.FromSeconds(7) : null, answer.RetryAfter);
        Assert.Equal(EngineOutcome.Translated, next.Outcome);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task A_refused_key_is_a_failure(string engine)
    {
        var answer = await Engine(engine, key: "wrong").TranslateAsync(["xin chào"], "vi", "en", CancellationToken.None);

        Assert.Equal(EngineOutcome.Failed, answer.Outcome);
    }

    [Fact]
    public async Task Tagalog_is_asked_of_Azure_as_Filipino()
    {
        apis.Add("tl", "en", "May baril siya", "He has a gun");

        var answer = await Engine(EngineNames.Azure).TranslateAsync(["May baril siya"], "tl", "en", CancellationToken.None);

        Assert.Equal(["He has a gun"], answer.Texts);
        Assert.Contains(apis.Translations, t => t.Api == "azure");
    }

    private static string Api(string engine) => engine switch
    {
        EngineNames.LibreTranslate => "libre",
        EngineNames.ChatCompletions => "chat",
        _ => "azure",
    };

    private ITranslationEngine Engine(string engine, string? key = null)
    {
        var options = Options.Create(new TranslationOptions
        {
            // The engines' own limits are above the fake services' limits, so the service's refusal is what is tested.
            LibreTranslate = { BaseUrl = apis.LibreTranslateUrl, ApiKey = key ?? FakeTranslationApis.LibreKey, MaxCharacters = 5000 },
            ChatCompletions =
            {
                BaseUrl = apis.ChatUrl, ApiKey = key ?? FakeTranslationApis.ChatKey, Model = FakeTranslationApis.ChatModel,
                Languages = "en,vi,es", MaxCharacters = 6000,
            },
            Azure = { Endpoint = apis.AzureUrl, Key = key ?? FakeTranslationApis.AzureKey, Region = FakeTranslationApis.AzureRegion },
        });
        return engine switch
        {
            EngineNames.LibreTranslate => new LibreTranslateEngine(Http(apis.LibreTranslateUrl), options, TimeProvider.System),
            EngineNames.ChatCompletions => new ChatCompletionsEngine(Http(apis.ChatUrl), options, TimeProvider.System),
            _ => new AzureTranslatorEngine(Http(apis.AzureUrl), options, TimeProvider.System),
        };
    }

    private static HttpClient Http(Uri baseUrl) => new() { BaseAddress = baseUrl };
}
