using OpenTelemetry;
using OpenTelemetry.Logs;

namespace TipLine.Hosting.Telemetry;

/// <summary>
/// An exported log keeps an exception's type, never its message or stack: a library's message can quote a value it
/// choked on, and the console (not the collector) is the place to read a stack.
/// </summary>
internal sealed class SafeLogs : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.Exception is not { } exception) return;
        data.Attributes = [.. data.Attributes ?? [], new("exception.type", exception.GetType().FullName)];
        data.Exception = null;
    }
}
