using System.Diagnostics;
using TipLine.Hosting.Telemetry;

namespace TipLine.UnitTests.Telemetry;

public class SafeSpansTests
{
    [Fact]
    public void A_finished_span_keeps_methods_routes_and_ids_and_loses_paths_queries_agents_and_addresses()
    {
        using var activity = new Activity("GET /staff/ack/{token}");
        activity.Start();
        activity.SetTag("http.request.method", "GET");
        activity.SetTag("http.route", "/staff/ack/{token}");
        activity.SetTag("http.response.status_code", 200);
        activity.SetTag("db.query.text", "SELECT 1 FROM intake.reports WHERE id = $1");
        activity.SetTag("messaging.message_id", "5e1f");
        activity.SetTag("url.path", "/staff/ack/secret-token-7731");
        activity.SetTag("url.full", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B15557654321");
        activity.SetTag("url.query", "To=+15557654321");
        activity.SetTag("user_agent.original", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1)");
        activity.SetTag("client.address", "203.0.113.9");
        activity.SetTag("exception.message", "Could not parse 'my friend has a gun'");
        activity.SetTag("error.type", "FormatException");
        activity.SetStatus(ActivityStatusCode.Error, "Could not parse 'my friend has a gun'");
        activity.Stop();

        new SafeSpans().OnEnd(activity);

        Assert.Equal(["db.query.text", "error.type", "http.request.method", "http.response.status_code", "http.route", "messaging.message_id"],
            activity.TagObjects.Select(t => t.Key).Order());
        Assert.Equal("FormatException", activity.StatusDescription);
    }
}
