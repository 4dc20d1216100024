using System.Diagnostics;

namespace TipLine.Bus.Telemetry;

/// <summary>
/// The names TipLine's own spans and measurements are published under. What goes on them is an id, a channel, a kind
/// or a count: never a reporter's words, number, address or anything that could point at them.
/// </summary>
public static class PipelineTelemetry
{
    public const string Name = "TipLine";

    /// <summary>Spans that join a trace across the outbox: the relay publishes as a child of the request that wrote the row.</summary>
    public static readonly ActivitySource Source = new(Name);
}
