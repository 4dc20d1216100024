using TipLine.Routing.Translation;
using Xunit;

namespace TipLine.UnitTests.Routing;

public sealed class BatchingTranslatorTests
{
    [Fact]
    public async Task A_tip_on_its_own_is_sent_at_once()
    {
        var engine = new FakeEngine();
        var translator = new BatchingTranslator(engine);

        var answer = await translator.TranslateAsync(["hola", "un chico"], "es", "en", CancellationToken.None);

        Assert.Equal(["EN:hola", "EN:un chico"], answer!.Texts);
        Assert.Equal("fake", answer.Engine);
        Assert.Equal([["hola", "un chico"]], engine.Requests);
    }

    [Fact]
    public async Task Tips_that_arrive_while_a_request_is_under_way_go_together_and_each_gets_its_own_parts()
    {
        var engine = new FakeEngine { Hold = new TaskCompletionSource() };
        var translator = new BatchingTranslator(engine);

        var first = translator.TranslateAsync(["uno"], "es", "en", CancellationToken.None);
        await engine.Started.Task;
        var second = translator.TranslateAsync(["dos", "tres"], "es", "en", CancellationToken.None);
        var third = translator.TranslateAsync(["cuatro"], "es", "en", CancellationToken.None);
        engine.Hold.SetResult();

        Assert.Equal(["EN:uno"], (await first)!.Texts);
        Assert.Equal(["EN:dos", "EN:tres"], (await second)!.Texts);
        Assert.Equal(["EN:cuatro"], (await third)!.Texts);
        Assert.Equal([["uno"], ["dos", "tres", "cuatro"]], engine.Requests);
    }

    [Fact]
    public async Task One_tip_that_breaks_the_request_does_not_cost_the_others_their_translation()
    {
        var engine = new FakeEngine { Hold = new TaskCompletionSource(), Refuses = "veneno" };
        var translator = new BatchingTranslator(engine);

        var first = translator.TranslateAsync(["uno"], "es", "en", CancellationToken.None);
        await engine.Started.Task;
        var good = translator.TranslateAsync(["dos"], "es", "en", CancellationToken.None);
        var bad = translator.TranslateAsync(["veneno"], "es", "en", CancellationToken.None);
        engine.Hold.SetResult();

        Assert.Equal(["EN:uno"], (await first)!.Texts);
        Assert.Equal(["EN:dos"], (await good)!.Texts);
        Assert.Null(await bad);
    }

    [Fact]
    public async Task A_batch_stops_growing_at_the_character_limit()
    {
        var engine = new FakeEngine { Hold = new TaskCompletionSource() };
        var translator = new BatchingTranslator(engine);
        var half = new string('a', BatchingTranslator.MaxCharacters / 2);

        var first = translator.TranslateAsync(["uno"], "es", "en", CancellationToken.None);
        await engine.Started.Task;
        var waiting = Enumerable.Range(0, 3).Select(_ => translator.TranslateAsync([half], "es", "en", CancellationToken.None)).ToList();
        engine.Hold.SetResult();
        await first;
        await Task.WhenAll(waiting);

        Assert.Equal([1, 2, 1], engine.Requests.Select(r => r.Count));
    }

    [Fact]
    public async Task Another_language_pair_does_not_wait()
    {
        var engine = new FakeEngine { Hold = new TaskCompletionSource() };
        var translator = new BatchingTranslator(engine);

        var spanish = translator.TranslateAsync(["uno"], "es", "en", CancellationToken.None);
        await engine.Started.Task;
        engine.HoldOnlyFirst = true;
        var vietnamese = await translator.TranslateAsync(["mot"], "vi", "en", CancellationToken.None);

        Assert.Equal(["EN:mot"], vietnamese!.Texts);
        Assert.False(spanish.IsCompleted);
        engine.Hold.SetResult();
        Assert.Equal(["EN:uno"], (await spanish)!.Texts);
    }

    [Fact]
    public async Task A_caller_that_gives_up_stops_waiting_and_the_others_are_still_answered()
    {
        var engine = new FakeEngine { Hold = new TaskCompletionSource() };
        var translator = new BatchingTranslator(engine);
        using var giveUp = new CancellationTokenSource();

        var first = translator.TranslateAsync(["uno"], "es", "en", giveUp.Token);
        await engine.Started.Task;
        var second = translator.TranslateAsync(["dos"], "es", "en", CancellationToken.None);
        await giveUp.CancelAsync();
        engine.Hold.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(["EN:dos"], (await second)!.Texts);
    }

    private sealed class FakeEngine : ITranslator
    {
        private int calls;

        public TaskCompletionSource? Hold { get; init; }
        public bool HoldOnlyFirst { get; set; }
        public string? Refuses { get; init; }
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<IReadOnlyList<string>> Requests { get; } = [];

        public async Task<Translated?> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
        {
            var call = Interlocked.Increment(ref calls);
            lock (Requests) Requests.Add(texts);
            Started.TrySetResult();
            if (Hold is not null && (call == 1 || !HoldOnlyFirst)) await Hold.Task;
            return Refuses is not null && texts.Contains(Refuses) ? null : new Translated([.. texts.Select(t => "EN:" + t)], "fake");
        }
    }
}
