using System.Diagnostics;
using OpenTelemetry;

namespace TipLine.Hosting.Telemetry;

/// <summary>
/// Keeps on a finished span only attributes known to carry no reporter detail: methods, route templates, status codes,
/// server names, SQL text (always parameterised) and messaging ids. Everything else goes — a path or query string (a
/// follow-up or acknowledgement token, a phone number in a provider's query), a user agent, a client address — so an
/// instrumentation that starts recording something new does not leak it. An error's description is cut to its type.
/// </summary>
internal sealed class SafeSpans : BaseProcessor<Activity>
{
    private static readonly string[] Allowed =
    [
        "http.request.method", "http.response.status_code", "http.route", "url.scheme", "server.address", "server.port",
        "network.protocol.name", "network.protocol.version", "error.type", "exception.type", "otel.status_code",
        "db.system", "db.system.name", "db.name", "db.namespace", "db.operation", "db.operation.name", "db.collection.name",
        "db.statement", "db.query.text", "db.response.status_code",
    ];

    private static readonly string[] AllowedPrefixes = ["messaging."];

    public override void OnEnd(Activity activity)
    {
        foreach (var tag in activity.TagObjects.ToList())
        {
            if (!IsAllowed(tag.Key)) activity.SetTag(tag.Key, null);
        }
        if (activity.Status == ActivityStatusCode.Error)
        {
            var type = activity.GetTagItem("error.type") ?? activity.GetTagItem("exception.type");
            activity.SetStatus(ActivityStatusCode.Error, type?.ToString());
        }
    }

    internal static bool IsAllowed(string key) =>
        Allowed.Contains(key) || AllowedPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
}
