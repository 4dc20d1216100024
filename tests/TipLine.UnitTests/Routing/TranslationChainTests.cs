using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TipLine.Routing.Translation;
using TipLine.Routing.Translation.Engines;
using Xunit;

namespace TipLine.UnitTests.Routing;

public sealed class TranslationChainTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-12-01T08:00:00Z"));

    [Fact]
    public async Task The_first_engine_in_the_districts_order_that_translates_is_named_with_the_translation()
    {
        var apy = new ScriptedEngine(EngineNames.Apy, EngineAnswer.NotOffered);
        var libre = new ScriptedEngine(EngineNames.LibreTranslate, EngineAnswer.Failed);
        var azure = new ScriptedEngine(EngineNames.Azure);
        var chain = Chain(new TranslationOptions { Order = "apy, libretranslate, azure" }, apy, libre, azure);

        var translated = await chain.TranslateAsync(["một", "hai"], "vi", "en", CancellationToken.None);

        Assert.Equal(["azure:một", "azure:hai"], translated!.Texts);
        Assert.Equal("display azure", translated.Engine);
        Assert.Equal([1, 1, 1], new[] { apy.Calls, libre.Calls, azure.Calls });
    }

    [Fact]
    public async Task A_pair_of_its_own_is_tried_in_its_own_order()
    {
        var apy = new ScriptedEngine(EngineNames.Apy);
        var chat = new ScriptedEngine(EngineNames.ChatCompletions);
        var options = new TranslationOptions { Order = "apy,chat", Pairs = { ["zh-Hans-en"] = "chat" } };
        var chain = Chain(options, apy, chat);

        Assert.Equal("display chat", (await chain.TranslateAsync(["你好"], "zh-Hans", "en", CancellationToken.None))!.Engine);
        Assert.Equal("display apy", (await chain.TranslateAsync(["hola"], "es", "en", CancellationToken.None))!.Engine);
        Assert.Equal((1, 1), (chat.Calls, apy.Calls));
    }

    [Fact]
    public async Task Too_long_a_text_or_an_engine_that_throws_goes_to_the_next_and_nothing_left_means_null()
    {
        var libre = new ScriptedEngine(EngineNames.LibreTranslate, EngineAnswer.TooLong);
        var azure = new ScriptedEngine(EngineNames.Azure) { Throws = true };
        var chain = Chain(new TranslationOptions { Order = "libretranslate,azure" }, libre, azure);

        Assert.Null(await chain.TranslateAsync(["x"], "so", "en", CancellationToken.None));
        Assert.Equal([1, 1], new[] { libre.Calls, azure.Calls });
    }

    [Fact]
    public async Task An_engine_that_asked_to_slow_down_is_passed_over_until_its_retry_after_has_gone_by()
    {
        var libre = new ScriptedEngine(EngineNames.LibreTranslate, EngineAnswer.Slow(TimeSpan.FromSeconds(20)));
        var azure = new ScriptedEngine(EngineNames.Azure);
        var chain = Chain(new TranslationOptions { Order = "libretranslate,azure" }, libre, azure);

        Assert.Equal("display azure", (await chain.TranslateAsync(["a"], "vi", "en", CancellationToken.None))!.Engine);
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal("display azure", (await chain.TranslateAsync(["b"], "vi", "en", CancellationToken.None))!.Engine);
        Assert.Equal(1, libre.Calls);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("display libretranslate", (await chain.TranslateAsync(["c"], "vi", "en", CancellationToken.None))!.Engine);
        Assert.Equal(2, libre.Calls);
    }

    [Fact]
    public async Task Without_a_retry_after_the_engine_rests_for_the_configured_time()
    {
        var chat = new ScriptedEngine(EngineNames.ChatCompletions, EngineAnswer.Slow(null));
        var chain = Chain(new TranslationOptions { Order = "chat", RestAfterRateLimit = TimeSpan.FromSeconds(45) }, chat);

        Assert.Null(await chain.TranslateAsync(["a"], "vi", "en", CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(44));
        Assert.Null(await chain.TranslateAsync(["a"], "vi", "en", CancellationToken.None));
        Assert.Equal(1, chat.Calls);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("display chat", (await chain.TranslateAsync(["a"], "vi", "en", CancellationToken.None))!.Engine);
    }

    [Fact]
    public async Task An_answer_with_a_text_missing_is_not_a_translation()
    {
        var apy = new ScriptedEngine(EngineNames.Apy, EngineAnswer.Done(["only one"]));
        var azure = new ScriptedEngine(EngineNames.Azure);
        var chain = Chain(new TranslationOptions { Order = "apy,azure" }, apy, azure);

        Assert.Equal("display azure", (await chain.TranslateAsync(["one", "two"], "es", "en", CancellationToken.None))!.Engine);
    }

    [Fact]
    public async Task A_tip_waits_for_its_translation_no_longer_than_the_budget_and_an_engine_that_timed_out_rests()
    {
        var hanging = new ScriptedEngine(EngineNames.LibreTranslate) { Hangs = true };
        var chain = Chain(new TranslationOptions { Order = "libretranslate", Budget = TimeSpan.FromSeconds(20), RestAfterFailure = TimeSpan.FromSeconds(30) }, hanging);

        var waiting = chain.TranslateAsync(["a"], "vi", "en", CancellationToken.None);
        await hanging.Started.Task;
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await waiting);

        var unreachable = new ScriptedEngine(EngineNames.Azure, EngineAnswer.Unreached);
        var azureFirst = Chain(new TranslationOptions { Order = "azure,chat", RestAfterFailure = TimeSpan.FromSeconds(30) },
            unreachable, new ScriptedEngine(EngineNames.ChatCompletions));
        Assert.Equal("display chat", (await azureFirst.TranslateAsync(["a"], "vi", "en", CancellationToken.None))!.Engine);
        Assert.Equal("display chat", (await azureFirst.TranslateAsync(["b"], "vi", "en", CancellationToken.None))!.Engine);
        Assert.Equal(1, unreachable.Calls);
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("display azure", (await azureFirst.TranslateAsync(["c"], "vi", "en", CancellationToken.None))!.Engine);
    }

    [Fact]
    public async Task A_blank_translation_of_words_is_no_translation()
    {
        var blank = new ScriptedEngine(EngineNames.Azure, EngineAnswer.Done(["", "two"]));
        var chat = new ScriptedEngine(EngineNames.ChatCompletions);
        var chain = Chain(new TranslationOptions { Order = "azure,chat" }, blank, chat);

        Assert.Equal("display chat", (await chain.TranslateAsync(["một", "hai"], "vi", "en", CancellationToken.None))!.Engine);
    }

    private TranslationChain Chain(TranslationOptions options, params ITranslationEngine[] engines) =>
        new(engines, Options.Create(options), clock, NullLogger<TranslationChain>.Instance);

    /// <summary>Answers each call with the next scripted answer, then translates ("key:text").</summary>
    private sealed class ScriptedEngine(string key, params EngineAnswer[] answers) : ITranslationEngine
    {
        public string Key => key;
        public string DisplayName => "display " + key;
        public int Calls { get; private set; }
        public bool Throws { get; init; }
        public bool Hangs { get; init; }
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<EngineAnswer> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
        {
            var call = Calls++;
            Started.TrySetResult();
            if (Throws) throw new HttpRequestException("connection refused");
            if (Hangs) await new TaskCompletionSource().Task.WaitAsync(ct); // answers only when the chain gives up
            return call < answers.Length ? answers[call] : EngineAnswer.Done([.. texts.Select(t => $"{key}:{t}")]);
        }
    }
}
