using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>A span as exported: which trace, from where, named what, with which attributes, events and status.</summary>
public sealed record ExportedSpan(string TraceId, string Source, string Name, ActivityKind Kind, IReadOnlyDictionary<string, string> Tags, string Text);

/// <summary>
/// Everything a TipLine process exports over OpenTelemetry, caught in memory as it leaves the SDK (after TipLine's own
/// processors), and written out as text at once: the SDK reuses its records.
/// </summary>
public sealed class TelemetryCapture
{
    public ConcurrentQueue<ExportedSpan> Spans { get; } = new();
    public ConcurrentQueue<string> Logs { get; } = new();
    public ConcurrentQueue<(string Name, string Text)> Metrics { get; } = new();

    public string AllText => string.Join('\n', Spans.Select(s => s.Text).Concat(Logs).Concat(Metrics.Select(m => m.Text)));

    /// <summary>Adds the capture to the process's tracer, meter and logger providers.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(b => b.AddProcessor(new SimpleActivityExportProcessor(new Sink<Activity>(a => Spans.Enqueue(Render(a))))));
        services.ConfigureOpenTelemetryMeterProvider(b => b.AddReader(new PeriodicExportingMetricReader(new Sink<Metric>(Render), 500)));
        services.ConfigureOpenTelemetryLoggerProvider(b => b.AddProcessor(new SimpleLogRecordExportProcessor(new Sink<LogRecord>(r => Logs.Enqueue(Render(r))))));
    }

    /// <summary>Exports what the providers still hold (and collects the metrics once more).</summary>
    public static void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
        services.GetRequiredService<OpenTelemetry.Logs.LoggerProvider>().ForceFlush();
    }

    private static ExportedSpan Render(Activity a)
    {
        var tags = a.TagObjects.ToDictionary(t => t.Key, t => t.Value?.ToString() ?? "");
        var events = a.Events.Select(e => e.Name + " " + string.Join(' ', e.Tags.Select(t => $"{t.Key}={t.Value}")));
        var text = string.Join(' ', [a.Source.Name, a.DisplayName, a.OperationName, a.StatusDescription ?? "",
            .. tags.Select(t => $"{t.Key}={t.Value}"), .. events, .. a.Baggage.Select(b => $"{b.Key}={b.Value}"),
            .. a.Links.Select(l => l.Context.TraceId.ToString())]);
        return new ExportedSpan(a.TraceId.ToString(), a.Source.Name, a.DisplayName, a.Kind, tags, text);
    }

    private static string Render(LogRecord r) =>
        string.Join(' ', [r.CategoryName ?? "", r.EventId.Name ?? "", r.FormattedMessage ?? "", r.Body ?? "",
            .. (r.Attributes ?? []).Select(a => $"{a.Key}={a.Value}"), r.Exception?.ToString() ?? ""]);

    private void Render(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var labels = new List<string>();
            foreach (var tag in point.Tags) labels.Add($"{tag.Key}={tag.Value}");
            Metrics.Enqueue((metric.Name, $"{metric.Name} {string.Join(' ', labels)}"));
        }
    }

    private sealed class Sink<T>(Action<T> take) : BaseExporter<T> where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            foreach (var item in batch) take(item);
            return ExportResult.Success;
        }
    }
}
