using System.Diagnostics;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TipLine.Bus.Database;
using TipLine.Bus.Telemetry;
using TipLine.Bus.Work;

namespace TipLine.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for every target: traces from the HTTP request through the outbox, the bus and each consumer to
/// PostgreSQL; the pipeline's metrics; logs. Exported over OTLP when <see cref="TelemetryOptions.OtlpEndpoint"/> is set.
/// </summary>
public static class TelemetrySetup
{
    public static void AddTipLineTelemetry(this WebApplicationBuilder builder, Targets targets)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        builder.Services.AddOptions<TelemetryOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled) return;

        // ASP.NET Core and HttpClient read this propagator: no trace context comes in from clients or goes out to providers.
        builder.Services.AddSingleton<DistributedContextPropagator>(new NoIncomingTraceContext());
        DistributedContextPropagator.Current = new NoIncomingTraceContext();
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<PipelineDepthSampler>(sp, options.SampleInterval, targets.Teams));
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceInstanceId: $"{Environment.MachineName}:{targets}"))
            .WithTracing(tracing => tracing
                .AddSource(PipelineTelemetry.Name, DiagnosticHeaders.DefaultListenerName)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.RecordException = false;
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz");
                })
                .AddHttpClientInstrumentation(o => o.RecordException = false)
                .AddNpgsql()
                .AddProcessor(new SafeSpans()))
            .WithMetrics(metrics => metrics
                .AddMeter(PipelineTelemetry.Name, InstrumentationOptions.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(logs => logs.AddProcessor(new SafeLogs()), o =>
            {
                // Scopes carry request paths (tokens); our messages carry ids only, which the privacy tests check.
                o.IncludeScopes = false;
                o.IncludeFormattedMessage = true;
            });
        if (options.OtlpEndpoint is { } endpoint) telemetry.UseOtlpExporter(options.OtlpProtocol, endpoint);
    }
}
