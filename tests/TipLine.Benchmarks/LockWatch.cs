using Npgsql;
using TipLine.Bus.Database;

namespace TipLine.Benchmarks;

/// <summary>
/// Samples pg_stat_activity every 250 ms while a phase runs and remembers which statements waited
/// on a lock, and how many at once: contention shows here before it shows anywhere else.
/// </summary>
public sealed class LockWatch(NpgsqlDataSource database) : IAsyncDisposable
{
    private readonly Dictionary<string, (int MaxWaiting, int Samples)> waits = [];
    private readonly CancellationTokenSource stop = new();
    private Task? sampling;
    private int samples;

    public void Start() => sampling = Task.Run(() => SampleAsync(stop.Token));

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        if (sampling is not null) await sampling;
    }

    /// <summary>Statements that waited on a lock: most often first.</summary>
    public IReadOnlyList<string> Report() =>
        [.. waits.OrderByDescending(w => w.Value.Samples).Take(3).Select(w =>
            $"{w.Key} (up to {w.Value.MaxWaiting} waiting at once; in {100.0 * w.Value.Samples / Math.Max(1, samples):0}% of samples)")];

    private async Task SampleAsync(CancellationToken ct)
    {
        // Bounded by the phase: StopAsync ends it; at most one sample per 250 ms.
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var command = database.CreateCommand(
                    """
                    SELECT CASE WHEN l.locktype = 'advisory' AND l.objsubid = 2 THEN l.classid::int ELSE 0 END,
                           left(regexp_replace(a.query, '\s+', ' ', 'g'), 70), count(*)::int
                    FROM pg_stat_activity a LEFT JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
                    WHERE a.datname = current_database() AND a.wait_event_type = 'Lock'
                    GROUP BY 1, 2
                    """);
                await using var reader = await command.ExecuteReaderAsync(ct);
                samples++;
                var thisSample = new Dictionary<string, int>();
                while (await reader.ReadAsync(ct))
                {
                    // An advisory lock's first key names its kind (AdvisoryLock); their query text is all the same.
                    var kind = reader.GetInt32(0);
                    var statement = kind == 0 ? reader.GetString(1) : $"advisory lock {(AdvisoryLock)kind}";
                    thisSample[statement] = thisSample.GetValueOrDefault(statement) + reader.GetInt32(2);
                }
                foreach (var (statement, waiting) in thisSample)
                {
                    var (max, seen) = waits.GetValueOrDefault(statement);
                    waits[statement] = (Math.Max(max, waiting), seen + 1);
                }
                await Task.Delay(250, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }
}
