using System.Diagnostics;

namespace TipLine.Hosting.Telemetry;

/// <summary>
/// Every request starts its own trace: a <c>traceparent</c> or baggage sent by a browser or by a district's traced
/// reverse proxy (whose span holds the client's address) is not adopted, so no trace joins a tip to where it came
/// from. Nothing is sent onward either (Twilio, mail servers and APY learn no trace ids); the bus carries its own.
/// </summary>
internal sealed class NoIncomingTraceContext : DistributedContextPropagator
{
    public override IReadOnlyCollection<string> Fields { get; } = [];

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
    }

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        traceId = null;
        traceState = null;
    }

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
}
