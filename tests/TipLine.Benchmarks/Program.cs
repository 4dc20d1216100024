// TipLine load benchmark. Starts the whole system (--target all) in this process on Kestrel, with
// PostgreSQL, RabbitMQ and Apertium APY as they run on this machine, and measures:
//   1. web-form submissions: throughput and POST latency at a fixed number of concurrent reporters;
//   2. end to end: seconds from a POST's answer until the case is in the team queue (teams.cases).
// Every loop is bounded in count and time; all traffic goes to 127.0.0.1. Run it with infra/bench.sh.

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TipLine.Benchmarks;
using TipLine.Contracts;
using TipLine.Hosting;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reporters;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

using var run = new CancellationTokenSource(options.Timeout);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    run.Cancel();
};
var ct = run.Token;

void Progress(string line) => Console.Error.WriteLine($"[bench] {line}");

// --- the services: an empty database and an empty virtual host --------------------------------
Progress($"recreating database {options.Database} and RabbitMQ vhost {options.VirtualHost}");
var connectionString = await Infrastructure.RecreateDatabaseAsync(options.Postgres, options.Database, ct);
if (await Infrastructure.RecreateVirtualHostAsync(options.VirtualHost, options.RabbitUser, ct) is { } vhostWarning)
{
    Progress("warning: " + vhostWarning);
}

// What else keeps this machine busy: other work here makes every figure worse.
var idleBefore = CpuSample.Take();
await Task.Delay(TimeSpan.FromSeconds(2), ct);
var idleAfter = CpuSample.Take();
var backgroundBusy = idleAfter.MachineBusySince(idleBefore);
var loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

// --- the application ------------------------------------------------------------------------
var keysDirectory = Directory.CreateTempSubdirectory("tipline-bench-keys-");
var configuration = new Dictionary<string, string?>
{
    ["target"] = "all",
    ["ConnectionStrings:TipLine"] = connectionString,
    ["Bus:Transport"] = "RabbitMq",
    ["Bus:RabbitMq:Host"] = options.RabbitHost,
    ["Bus:RabbitMq:Port"] = options.RabbitPort.ToString(CultureInfo.InvariantCulture),
    ["Bus:RabbitMq:VirtualHost"] = options.VirtualHost,
    ["Bus:RabbitMq:Username"] = options.RabbitUser,
    ["Bus:RabbitMq:Password"] = options.RabbitPassword,
    ["Translation:ApyBaseUrl"] = options.Apy,
    ["Privacy:PseudonymKey"] = NewKey(),
    ["Privacy:SealedContactKey"] = NewKey(),
    ["Privacy:ReceiptKey"] = NewKey(),
    ["Demo:Seed"] = "true",
    ["DataProtection:KeysPath"] = keysDirectory.FullName,
    // Warnings and errors only, and on stderr, so logging neither costs time nor mixes with the figures.
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    ["Logging:LogLevel:MassTransit"] = "Warning",
    ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
};
if (options.Iterations is { } iterations) configuration["Privacy:ReceiptHashIterations"] = iterations.ToString(CultureInfo.InvariantCulture);
foreach (var (key, value) in options.Extra) configuration[key] = value;

// The application name makes MVC find the Razor pages exactly as the TipLine binary does.
var builder = TipLineHost.CreateBuilder(["--applicationName", "TipLine"]);
builder.Configuration.AddInMemoryCollection(configuration);
builder.WebHost.UseUrls("http://127.0.0.1:0");
var app = TipLineHost.Build(builder);

Progress("starting TipLine (all targets, RabbitMQ bus, demo district)");
var stdout = Console.Out;
Console.SetOut(TextWriter.Null); // The app's start-up banner and demo password are not figures.
try
{
    await app.PrepareAsync(ct);
    await app.StartAsync(ct);
}
finally
{
    Console.SetOut(stdout);
}
var baseUrl = app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
var effectiveIterations = app.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value.ReceiptHashIterations;
var hashMilliseconds = MeasureHash(effectiveIterations);
await using var database = NpgsqlDataSource.Create(connectionString);
var postgresVersion = await ScalarAsync<string>(database, "SHOW server_version", ct);

using var handler = new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = Math.Max(options.Concurrency, 64),
    ConnectTimeout = TimeSpan.FromSeconds(10),
};
using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
var reporter = new Reporter(http);

var exitCode = 0;
var lines = new List<string>();
try
{
    // --- 1. submissions -----------------------------------------------------------------------
    Progress($"warm-up: {options.Warmup} submissions");
    var warmup = await ClosedLoopAsync(reporter, options.Warmup, options.Concurrency, 0, ct);
    Progress($"measuring: {options.Submissions} submissions at concurrency {options.Concurrency}");
    await using var locks = new LockWatch(database);
    locks.Start();
    var before = CpuSample.Take();
    var measured = await ClosedLoopAsync(reporter, options.Submissions, options.Concurrency, options.Warmup, ct);
    var after = CpuSample.Take();

    Progress("waiting for the pipeline to open a case for every report so far");
    var drainBefore = CpuSample.Take();
    var drain = await DrainAsync(database, TimeSpan.FromSeconds(300), ct);
    var drainAfter = CpuSample.Take();
    await locks.StopAsync();

    // --- 2. end to end ------------------------------------------------------------------------
    EndToEndResult? e2e = null;
    if (options.EndToEnd > 0)
    {
        Progress($"end to end: {options.EndToEnd} tips at {options.Rate:0.#}/s");
        e2e = await EndToEndAsync(reporter, database, options.EndToEnd, options.Rate, options.Warmup + options.Submissions, ct);
    }

    // --- the figures --------------------------------------------------------------------------
    var ok = measured.Latencies;
    var throughput = ok.Count / measured.Wall.TotalSeconds;
    var p50 = Percentiles.Of(ok, 50);
    var p99 = Percentiles.Of(ok, 99);
    lines.Add("TipLine benchmark");
    lines.Add($"  machine       {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}");
    lines.Add($"  runtime       {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; PostgreSQL {postgresVersion}");
    lines.Add($"  app           all targets in-process, bus RabbitMQ {options.RabbitHost}:{options.RabbitPort}/{options.VirtualHost}, APY {options.Apy}");
    lines.Add($"  before start  machine {backgroundBusy:P0} busy over 2 s, load average {loadAverage}"
        + (backgroundBusy > 0.1 ? " (other work is running here: figures are lower than on an idle machine)" : " (idle)"));
    lines.Add($"  receipt hash  PBKDF2-SHA256, {effectiveIterations} iterations: {hashMilliseconds:0.00} ms per hash on one core");
    lines.Add($"  tips          {Tips.Mix}");
    lines.Add("");
    lines.Add($"Submissions: {options.Submissions} after {options.Warmup} warm-up ({warmup.Latencies.Count} ok), {options.Concurrency} concurrent reporters (GET form + POST)");
    lines.Add($"  throughput    {throughput:0.0} submissions/s  ({ok.Count} receipts in {measured.Wall.TotalSeconds:0.00} s)");
    lines.Add($"  POST latency  p50 {p50:0.0} ms   p99 {p99:0.0} ms   max {(ok.Count > 0 ? ok.Max() : double.NaN):0.0} ms");
    lines.Add($"  errors        {Describe(measured.Errors)}");
    var submitting = after.UseSince(before);
    var formToCase = drainAfter.UseSince(before);
    lines.Add($"  CPU (cores)   {submitting.Cores()}  (machine {after.MachineBusySince(before):P0} busy)");
    lines.Add($"  CPU per tip   from form to case (submitting + draining): this process {formToCase.MillisecondsEach(CpuSample.Self, ok.Count):0.0} ms,"
        + $" PostgreSQL {formToCase.MillisecondsEach(CpuSample.Postgres, ok.Count):0.0} ms, RabbitMQ {formToCase.MillisecondsEach(CpuSample.RabbitMq, ok.Count):0.0} ms,"
        + $" APY {formToCase.MillisecondsEach(CpuSample.Apertium, ok.Count):0.0} ms; receipt hash alone {hashMilliseconds:0.0} ms");
    lines.Add($"  pipeline      {(drain.Done ? "every" : "NOT every")} report had its case {drain.After.TotalSeconds:0.0} s after the last answer"
        + $" ({drain.Cases} cases for {drain.Reports} reports; {drain.Cases - drain.CasesAtStart} opened meanwhile"
        + (drain.After.TotalSeconds >= 1 ? $", {(drain.Cases - drain.CasesAtStart) / drain.After.TotalSeconds:0.0}/s)" : ")"));
    if (drain.After.TotalSeconds >= 1)
    {
        lines.Add($"  CPU (cores)   while draining: {drainAfter.UseSince(drainBefore).Cores()}");
    }
    var lockWaits = locks.Report();
    lines.Add($"  lock waits    {(lockWaits.Count == 0 ? "none seen (pg_stat_activity, every 250 ms, submitting + draining)" : lockWaits[0])}");
    foreach (var more in lockWaits.Skip(1)) lines.Add($"                {more}");
    if (e2e is not null)
    {
        lines.Add("");
        lines.Add($"End to end: {options.EndToEnd} tips at {options.Rate:0.#}/s, POST answer -> case in teams.cases (polled every 20 ms)");
        lines.Add($"  latency       p50 {Percentiles.Of(e2e.Seconds, 50):0.000} s   p95 {Percentiles.Of(e2e.Seconds, 95):0.000} s   max {(e2e.Seconds.Count > 0 ? e2e.Seconds.Max() : double.NaN):0.000} s  ({e2e.Seconds.Count} of {e2e.Answered} found)");
        lines.Add($"  by language   English p50 {Percentiles.Of(e2e.English, 50):0.000} s p95 {Percentiles.Of(e2e.English, 95):0.000} s; Spanish p50 {Percentiles.Of(e2e.Spanish, 50):0.000} s p95 {Percentiles.Of(e2e.Spanish, 95):0.000} s");
        lines.Add($"  server clock  accepted->routed p50 {Percentiles.Of(e2e.AcceptedToRouted, 50):0.000} s p95 {Percentiles.Of(e2e.AcceptedToRouted, 95):0.000} s; routed->in queue p50 {Percentiles.Of(e2e.RoutedToQueued, 50):0.000} s p95 {Percentiles.Of(e2e.RoutedToQueued, 95):0.000} s");
        lines.Add($"  errors        {Describe(e2e.Errors)}");
    }
    lines.Add("");
    lines.Add($"Targets: >=300 submissions/s {Verdict(throughput >= 300)}, POST p99 <100 ms {Verdict(p99 < 100)}"
        + (e2e is null ? "" : $", end-to-end p95 <1 s {Verdict(Percentiles.Of(e2e.Seconds, 95) < 1)}"));
    if (ok.Count == 0) exitCode = 1;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Progress($"stopped: the run reached its limit of {options.Timeout.TotalSeconds:0} s (or was interrupted)");
    exitCode = 1;
}
finally
{
    using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    try
    {
        await app.StopAsync(stopping.Token);
    }
    catch (OperationCanceledException)
    {
        Progress("the app did not stop within 30 s");
    }
    await app.DisposeAsync();
    try
    {
        keysDirectory.Delete(recursive: true);
    }
    catch (IOException)
    {
    }
}
foreach (var line in lines) Console.WriteLine(line);
return exitCode;

static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

static string Verdict(bool met) => met ? "met" : "MISSED";

static string Describe(IReadOnlyDictionary<string, int> errors) =>
    errors.Count == 0 ? "none" : string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value} x {e.Key}"));

static string CpuModel()
{
    try
    {
        return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
    catch (IOException)
    {
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

// One PBKDF2 hash as intake computes it for each receipt, timed on this thread.
static double MeasureHash(int iterations)
{
    var salt = RandomNumberGenerator.GetBytes(16);
    var passphrase = ReceiptSecrets.NewCredentials().Passphrase;
    ReceiptSecrets.HashPassphrase(passphrase, salt, iterations);
    const int rounds = 20;
    var started = Stopwatch.GetTimestamp();
    for (var i = 0; i < rounds; i++) ReceiptSecrets.HashPassphrase(passphrase, salt, iterations);
    return Stopwatch.GetElapsedTime(started).TotalMilliseconds / rounds;
}

static async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql, CancellationToken ct)
{
    await using var command = database.CreateCommand(sql);
    return (T)(await command.ExecuteScalarAsync(ct))!;
}

// `count` submissions by `concurrency` reporters, each starting its next tip as soon as the last was answered.
static async Task<ClosedLoopResult> ClosedLoopAsync(Reporter reporter, int count, int concurrency, int firstTip, CancellationToken ct)
{
    var next = -1;
    var latencies = new ConcurrentBag<double>();
    var errors = new ConcurrentDictionary<string, int>();
    var started = Stopwatch.GetTimestamp();
    var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(async () =>
    {
        for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
        {
            ct.ThrowIfCancellationRequested();
            var result = await reporter.SubmitAsync(Tips.For(firstTip + i), ct);
            if (result.Ok) latencies.Add(result.PostMilliseconds);
            else errors.AddOrUpdate(result.Error!, 1, (_, n) => n + 1);
        }
    }, ct));
    await Task.WhenAll(workers);
    return new ClosedLoopResult([.. latencies], errors, Stopwatch.GetElapsedTime(started));
}

// Waits (bounded) until teams.cases holds a case for every report in intake.reports.
static async Task<DrainResult> DrainAsync(NpgsqlDataSource database, TimeSpan limit, CancellationToken ct)
{
    var started = Stopwatch.GetTimestamp();
    long reports = 0, cases = 0, casesAtStart = -1;
    while (Stopwatch.GetElapsedTime(started) < limit)
    {
        await using var command = database.CreateCommand(
            "SELECT (SELECT count(*) FROM intake.reports), (SELECT count(*) FROM teams.cases)");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        reports = reader.GetInt64(0);
        cases = reader.GetInt64(1);
        if (casesAtStart < 0) casesAtStart = cases;
        if (cases >= reports) return new DrainResult(true, Stopwatch.GetElapsedTime(started), reports, cases, casesAtStart);
        await Task.Delay(100, ct);
    }
    return new DrainResult(false, Stopwatch.GetElapsedTime(started), reports, cases, casesAtStart);
}

// `count` tips sent at a steady `rate`; each is timed from its POST's answer until its case shows in teams.cases.
static async Task<EndToEndResult> EndToEndAsync(
    Reporter reporter, NpgsqlDataSource database, int count, double rate, int firstTip, CancellationToken ct)
{
    var pending = new ConcurrentDictionary<string, (long AnsweredAt, bool Spanish)>();
    var errors = new ConcurrentDictionary<string, int>();
    var answered = 0;
    var sendingDone = false;
    var started = Stopwatch.GetTimestamp();

    var sender = Task.Run(async () =>
    {
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero) await Task.Delay(due, ct);
            var tip = Tips.For(firstTip + i);
            inFlight.Add(Task.Run(async () =>
            {
                var result = await reporter.SubmitAsync(tip, ct);
                if (result.Ok)
                {
                    pending[result.SubmissionId!] = (result.AnsweredAt, tip.Culture == "es");
                    Interlocked.Increment(ref answered);
                }
                else
                {
                    errors.AddOrUpdate(result.Error!, 1, (_, n) => n + 1);
                }
            }, ct));
        }
        await Task.WhenAll(inFlight);
        Volatile.Write(ref sendingDone, true);
    }, ct);

    var seconds = new List<double>();
    var english = new List<double>();
    var spanish = new List<double>();
    var acceptedToRouted = new List<double>();
    var routedToQueued = new List<double>();
    // Sending takes count/rate seconds; after that, tips still missing get 60 s more.
    var limit = TimeSpan.FromSeconds(count / rate + 60);
    while (Stopwatch.GetElapsedTime(started) < limit && !(Volatile.Read(ref sendingDone) && pending.IsEmpty))
    {
        var keys = pending.Keys.ToArray();
        if (keys.Length > 0)
        {
            await using var command = database.CreateCommand(
                """
                SELECT r."ProviderKey", r."AcceptedAt", c."RoutedAt"
                FROM intake.reports r JOIN teams.cases c ON c."ReportId" = r."Id"
                WHERE r."Channel" = $1 AND r."ProviderKey" = ANY($2)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = ChannelNames.WebForm });
            command.Parameters.Add(new NpgsqlParameter { Value = keys });
            var found = new List<(string Key, DateTimeOffset Accepted, DateTimeOffset Routed)>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    found.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2)));
                }
            }
            var seenAt = Stopwatch.GetTimestamp();
            var seenUtc = DateTimeOffset.UtcNow;
            foreach (var (key, accepted, routed) in found)
            {
                if (!pending.TryRemove(key, out var tip)) continue;
                var latency = Stopwatch.GetElapsedTime(tip.AnsweredAt, seenAt).TotalSeconds;
                seconds.Add(latency);
                (tip.Spanish ? spanish : english).Add(latency);
                acceptedToRouted.Add((routed - accepted).TotalSeconds);
                routedToQueued.Add((seenUtc - routed).TotalSeconds);
            }
        }
        await Task.Delay(20, ct);
    }
    await sender;
    return new EndToEndResult(seconds, english, spanish, acceptedToRouted, routedToQueued, Volatile.Read(ref answered), errors);
}

internal sealed record ClosedLoopResult(IReadOnlyCollection<double> Latencies, IReadOnlyDictionary<string, int> Errors, TimeSpan Wall);

internal sealed record DrainResult(bool Done, TimeSpan After, long Reports, long Cases, long CasesAtStart);

internal sealed record EndToEndResult(
    IReadOnlyCollection<double> Seconds, IReadOnlyCollection<double> English, IReadOnlyCollection<double> Spanish,
    IReadOnlyCollection<double> AcceptedToRouted, IReadOnlyCollection<double> RoutedToQueued, int Answered,
    IReadOnlyDictionary<string, int> Errors);
