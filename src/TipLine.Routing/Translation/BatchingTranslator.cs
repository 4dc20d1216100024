namespace TipLine.Routing.Translation;

/// <summary>
/// Sends the texts of tips that arrive together as one translation request. APY translates one
/// request at a time per language pair and starts two processes for each, so in a surge one request
/// for several tips costs little more than one for a single tip. A tip waits only while another
/// request for its pair is under way: on its own it goes at once.
/// </summary>
internal sealed class BatchingTranslator(ITranslator engines) : ITranslator
{
    /// <summary>Characters per request, so a long batch stays well inside the engine's time limit.</summary>
    public const int MaxCharacters = 8000;

    private readonly Dictionary<(string From, string To), Lane> lanes = [];

    public Task<Translated?> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
    {
        var waiting = new Waiting(texts);
        Lane lane;
        bool start;
        lock (lanes)
        {
            if (!lanes.TryGetValue((from, to), out lane!)) lanes[(from, to)] = lane = new Lane();
            lane.Queue.Enqueue(waiting);
            start = !lane.Sending;
            lane.Sending = true;
        }
        if (start) _ = Task.Run(() => SendAsync(lane, from, to), CancellationToken.None);
        // A cancelled caller stops waiting; the request it is part of still answers the others.
        return waiting.Answer.Task.WaitAsync(ct);
    }

    // Runs while the lane has tips waiting; exactly one runs per lane (Sending).
    private async Task SendAsync(Lane lane, string from, string to)
    {
        while (true)
        {
            List<Waiting> batch = [];
            lock (lanes)
            {
                var characters = 0;
                while (lane.Queue.TryPeek(out var next) && (batch.Count == 0 || characters + next.Characters <= MaxCharacters))
                {
                    batch.Add(lane.Queue.Dequeue());
                    characters += next.Characters;
                }
                if (batch.Count == 0)
                {
                    lane.Sending = false;
                    return;
                }
            }
            await AnswerAsync(batch, from, to);
        }
    }

    private async Task AnswerAsync(List<Waiting> batch, string from, string to)
    {
        try
        {
            IReadOnlyList<string> texts = [.. batch.SelectMany(w => w.Texts)];
            var translated = await engines.TranslateAsync(texts, from, to, CancellationToken.None);
            if (translated?.Texts.Count != texts.Count) translated = null;
            if (translated is null && batch.Count > 1)
            {
                // One tip's text must not cost the others their translation: each tries again alone.
                await Task.WhenAll(batch.Select(async w => w.Answer.TrySetResult(await engines.TranslateAsync(w.Texts, from, to, CancellationToken.None))));
                return;
            }
            var next = 0;
            foreach (var w in batch)
            {
                w.Answer.TrySetResult(translated is null ? null : new Translated([.. translated.Texts.Skip(next).Take(w.Texts.Count)], translated.Engine));
                next += w.Texts.Count;
            }
        }
        catch (Exception e)
        {
            foreach (var w in batch) w.Answer.TrySetException(e);
        }
    }

    private sealed class Lane
    {
        public Queue<Waiting> Queue { get; } = new();
        public bool Sending { get; set; }
    }

    private sealed class Waiting(IReadOnlyList<string> texts)
    {
        public IReadOnlyList<string> Texts => texts;
        public int Characters { get; } = texts.Sum(t => t.Length);
        public TaskCompletionSource<Translated?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
