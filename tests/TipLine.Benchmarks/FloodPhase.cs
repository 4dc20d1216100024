using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using TipLine.Hosting;
using TipLine.Twilio;
using TipLine.TwilioTests;

namespace TipLine.Benchmarks;

/// <summary>
/// Phase 5, a flood: for one minute a script posts 1,000 web tips from one address and texts 200 times from one number,
/// while a legitimate reporter at another address sends one tip a second. Runs with the production rate limits and alert
/// window, alerts on (SMS through a local Twilio stand-in, email through the local SMTP server when there is one).
/// </summary>
internal static class FloodPhase
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);
    public const int FloodTips = 1000, FloodTexts = 200;
    private const string AccountSid = "AC000000000000000000000000000be0c4", AuthToken = "bench-auth-token", PublicBaseUrl = "https://tips.bench.invalid";
    private const string FloodNumber = "+15551230999";
    private static readonly IPAddress FloodAddress = IPAddress.Parse("127.0.0.2"), ReporterAddress = IPAddress.Parse("127.0.0.3");

    public static async Task<FloodResult> RunAsync(IReadOnlyDictionary<string, string?> baseConfiguration, NpgsqlDataSource database, TimeSpan alertWindow,
        CancellationToken ct)
    {
        await using var twilio = await FakeTwilioApi.StartAsync(Enumerable.Range(0, 20_000).Select(i => new Answer(201, FakeTwilioApi.Created($"SM{i:D32}", AccountSid))));
        var configuration = baseConfiguration.Where(kv => !kv.Key.StartsWith("RateLimits:", StringComparison.Ordinal)).ToDictionary();
        configuration["Alerts:StaffBaseUrl"] = "https://staff.bench.invalid";
        configuration["Alerts:SmsFrom"] = "+15555550199";
        configuration["Alerts:EmailFrom"] = "alerts@bench.invalid";
        configuration["Escalation:AckLinkKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        configuration["Escalation:AlertWindow"] = alertWindow.ToString();
        configuration["Twilio:AccountSid"] = AccountSid;
        configuration["Twilio:AuthToken"] = AuthToken;
        configuration["Twilio:PublicBaseUrl"] = PublicBaseUrl;
        configuration["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString().TrimEnd('/');
        var smtp = Environment.GetEnvironmentVariable("TIPLINE_TEST_SMTP");
        if (smtp is { Length: > 0 } && smtp.Split(':') is [var host, var port])
        {
            configuration["Email:Smtp:Host"] = host;
            configuration["Email:Smtp:Port"] = port;
            configuration["Email:Smtp:Security"] = "None";
        }

        await using var app = await BenchApp.StartAsync(configuration, "all", 16, ct);
        var casesBefore = await CountAsync(database, "SELECT count(*) FROM teams.cases", ct);
        // The phase's own cases: the earlier phases' template tips are grouped and marked too.
        var phaseCases = $"\"AcceptedAt\" >= '{DateTimeOffset.UtcNow:O}'";
        var started = Stopwatch.GetTimestamp();
        var flood = new ConcurrentDictionary<string, int>();
        var legitimate = new ConcurrentBag<double>();
        var legitimateErrors = new ConcurrentDictionary<string, int>();
        var textAnswers = new ConcurrentDictionary<int, int>();

        using var floodClient = app.CreateClient(FloodAddress);
        using var reporterClient = app.CreateClient(ReporterAddress);
        var floodReporter = new Reporter(floodClient);
        var reporter = new Reporter(reporterClient);
        var web = Paced(FloodTips, async i =>
        {
            var result = await floodReporter.SubmitAsync(new Tip("en", DemoDistrict.LincolnHigh, "Someone is in danger right now at the school", null, null, true), ct);
            flood.AddOrUpdate(result.Error ?? "accepted", 1, (_, n) => n + 1);
        }, started, ct);
        var texts = Paced(FloodTexts, async i =>
        {
            var status = await TextAsync(floodClient, $"there is a bomb in the school {i}", ct);
            textAnswers.AddOrUpdate(status, 1, (_, n) => n + 1);
        }, started, ct);
        var real = Paced((int)Duration.TotalSeconds, async i =>
        {
            var result = await reporter.SubmitAsync(Tips.For(i), ct);
            if (result.Ok) legitimate.Add(result.PostMilliseconds);
            else legitimateErrors.AddOrUpdate(result.Error!, 1, (_, n) => n + 1);
        }, started, ct);
        await Task.WhenAll(web, texts, real);
        var sending = Stopwatch.GetElapsedTime(started);

        // Every accepted tip has its case, and every alert that was due has gone (the window's last alerts included).
        var drainStarted = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(drainStarted) < alertWindow + TimeSpan.FromSeconds(90))
        {
            var left = await CountAsync(database, """
                SELECT (SELECT count(*) FROM intake.reports) - (SELECT count(*) FROM teams.cases)
                     + (SELECT count(*) FROM teams.alert_attempts WHERE "Status" = 'Pending' AND "DeadAt" IS NULL AND "DueAt" <= now())
                """, ct);
            if (left <= 0) break;
            await Task.Delay(250, ct);
        }
        var cases = await CountAsync(database, "SELECT count(*) FROM teams.cases", ct) - casesBefore;
        var mostAlerts = await CountAsync(database, """
            SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM teams.alert_attempts
            WHERE "Status" IN ('Sent', 'Delivered') AND "Notice" IS NULL GROUP BY "MemberId") x
            """, ct);
        var mostTexts = twilio.Requests.Where(r => r.Form.GetValueOrDefault("From") == "+15555550199").GroupBy(r => r.Form.GetValueOrDefault("To"))
            .Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var covered = await CountAsync(database, "SELECT count(*) FROM teams.alert_attempts WHERE \"Status\" = 'Covered'", ct);
        var flooded = await CountAsync(database, $"SELECT count(*) FROM teams.cases WHERE \"PossibleFlood\" AND {phaseCases}", ct);
        var largestIncident = await CountAsync(database,
            $"SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM teams.cases WHERE \"IncidentId\" IS NOT NULL AND {phaseCases} GROUP BY \"IncidentId\") x", ct);
        return new FloodResult([.. legitimate], legitimateErrors, flood, textAnswers, sending, cases, mostAlerts, mostTexts, covered, flooded,
            largestIncident, smtp is { Length: > 0 });
    }

    /// <summary>Runs <paramref name="count"/> actions spread evenly over <see cref="Duration"/>, each as soon as it is due.</summary>
    private static async Task Paced(int count, Func<int, Task> action, long started, CancellationToken ct)
    {
        var running = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = Duration * i / count - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero) await Task.Delay(due, ct);
            var index = i;
            running.Add(Task.Run(() => action(index), ct));
        }
        await Task.WhenAll(running);
    }

    /// <summary>A text to Lincoln High's number, posted and signed as Twilio does.</summary>
    private static async Task<int> TextAsync(HttpClient http, string body, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = AccountSid, ["From"] = FloodNumber,
            ["To"] = DemoDistrict.LincolnHighNumber, ["Body"] = body, ["NumMedia"] = "0",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(AuthToken, PublicBaseUrl + "/twilio/sms", form));
        try
        {
            using var response = await http.SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}

internal sealed record FloodResult(
    IReadOnlyCollection<double> Legitimate, IReadOnlyDictionary<string, int> LegitimateErrors, IReadOnlyDictionary<string, int> Flood,
    IReadOnlyDictionary<int, int> TextAnswers, TimeSpan Sending, long Cases, long MostAlerts, int MostTexts, long Covered, long Flooded,
    long LargestIncident, bool EmailOn)
{
    public void Describe(List<string> lines, TimeSpan window)
    {
        lines.Add($"  legitimate    {Legitimate.Count} tips at 1/s: POST p50 {Percentiles.Of(Legitimate, 50):0.0} ms, p95 {Percentiles.Of(Legitimate, 95):0.0} ms,"
            + $" max {(Legitimate.Count > 0 ? Legitimate.Max() : double.NaN):0.0} ms; errors {Phase.DescribeErrors(LegitimateErrors)}");
        lines.Add($"  flood (web)   {FloodPhase.FloodTips} posts from one address: {string.Join(", ", Flood.OrderByDescending(f => f.Value).Select(f => $"{f.Value} {f.Key}"))}");
        lines.Add($"  flood (SMS)   {FloodPhase.FloodTexts} texts from one number: {string.Join(", ", TextAnswers.OrderBy(t => t.Key).Select(t => $"{t.Value} x HTTP {t.Key}"))}");
        lines.Add($"  cases         {Cases} opened (sending took {Sending.TotalSeconds:0.0} s); {Flooded} marked possible flood; largest incident {LargestIncident} tips");
        lines.Add($"  alerts        window {window.TotalSeconds:0} s: the most any one member received {MostAlerts} (SMS and email{(EmailOn ? "" : "; email not configured, no SMTP here")}),"
            + $" the most texts to one phone {MostTexts}; {Covered} planned alerts covered by combined ones");
    }
}
