using System.Diagnostics.Metrics;

namespace TipLine.Bus.Telemetry;

/// <summary>
/// The pipeline's own measurements. Labels are drawn from small fixed sets (channel, alert method and outcome,
/// module, kind of work), so none can carry a reporter's detail. Depths come from the last
/// <see cref="PipelineDepthSampler"/> pass.
/// </summary>
public sealed class PipelineMetrics
{
    private readonly Counter<long> tipsAccepted;
    private readonly Histogram<double> timeToCase;
    private readonly Counter<long> alerts;
    private volatile PipelineDepth depth = PipelineDepth.None;

    public PipelineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PipelineTelemetry.Name);
        tipsAccepted = meter.CreateCounter<long>("tipline.tips.accepted", "{tip}", "Tips committed by intake, by channel.");
        timeToCase = meter.CreateHistogram<double>("tipline.tips.time_to_case", "s", "From a tip's acceptance to its case in the team's queue.");
        alerts = meter.CreateCounter<long>("tipline.alerts", "{alert}", "Alerts to staff whose send ended, by method and outcome.");
        meter.CreateObservableGauge("tipline.outbox.depth", () => depth.Outbox.Select(d => Measure(d.Value, "module", d.Key)),
            "{message}", "Messages written but not yet published, per module.");
        meter.CreateObservableGauge("tipline.work.depth", () => depth.Pending.Select(d => Measure(d.Value, "kind", d.Key)),
            "{item}", "Queued work not yet done, per kind.");
        meter.CreateObservableGauge("tipline.work.dead", () => depth.Dead.Select(d => Measure(d.Value, "kind", d.Key)),
            "{item}", "Queued work given up, per kind.");
        meter.CreateObservableGauge("tipline.bus.error_queue.messages", () => depth.ErrorQueues.Select(d => Measure(d.Value, "queue", d.Key)),
            "{message}", "Messages that failed every retry, per consumer's error queue.");
    }

    public void TipAccepted(string channel) => tipsAccepted.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void CaseOpened(string channel, TimeSpan sinceAcceptance) =>
        timeToCase.Record(Math.Max(0, sinceAcceptance.TotalSeconds), new KeyValuePair<string, object?>("channel", channel));

    public void AlertEnded(string method, bool sent) =>
        alerts.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("outcome", sent ? "sent" : "failed"));

    public void Sampled(PipelineDepth latest) => depth = latest;

    private static Measurement<long> Measure(long value, string label, string name) => new(value, new KeyValuePair<string, object?>(label, name));
}

/// <summary>Counts at one moment: outbox rows per module, pending and dead work per kind, messages per error queue.</summary>
public sealed record PipelineDepth(
    IReadOnlyDictionary<string, long> Outbox, IReadOnlyDictionary<string, long> Pending, IReadOnlyDictionary<string, long> Dead,
    IReadOnlyDictionary<string, long> ErrorQueues)
{
    public static readonly PipelineDepth None = new(new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<string, long>(),
        new Dictionary<string, long>());
}
