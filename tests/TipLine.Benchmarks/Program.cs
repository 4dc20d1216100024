// TipLine load benchmark. Runs TipLine in this process on Kestrel, with PostgreSQL, RabbitMQ and
// Apertium APY as they run on this machine, in five phases:
//   1. all targets in one process: web-form submissions (throughput, POST latency) at a fixed
//      number of concurrent reporters while routing and teams work alongside;
//   2. end to end at a steady rate: seconds from a POST's answer until the case is in the queue; then (2b) the same
//      while messages that always fail go through their retries to an error queue;
//   3. the public surface alone (--target intake), as a district that splits its surfaces runs it;
//   4. the pipeline alone, routing the backlog phase 3 left: cases per second;
//   5. a flood (FloodPhase): a script's web tips and texts and a legitimate reporter, with rate limits and alerts on.
// Every loop is bounded in count and time; all traffic goes to 127.0.0.1. Run it with infra/bench.sh.
// `infra/bench.sh languages` instead measures language detection alone (LanguageBench), without services.
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

if (args is ["languages", ..]) return LanguageBench.Run();

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

// --- the application's configuration (the target is set per phase) ---------------------------
var keysDirectory = Directory.CreateTempSubdirectory("tipline-bench-keys-");
var configuration = new Dictionary<string, string?>
{
    ["ConnectionStrings:TipLine"] = connectionString,
    ["Bus:Transport"] = "RabbitMq",
    ["Bus:RabbitMq:Host"] = options.RabbitHost,
    ["Bus:RabbitMq:Port"] = options.RabbitPort.ToString(CultureInfo.InvariantCulture),
    ["Bus:RabbitMq:VirtualHost"] = options.VirtualHost,
    ["Bus:RabbitMq:Username"] = options.RabbitUser,
    ["Bus:RabbitMq:Password"] = options.RabbitPassword,
    ["Translation:ApyBaseUrl"] = options.Apy,
    // The simulated reporters all post from 127.0.0.1; the form's rate limits are not what this measures.
    ["RateLimits:FormPerClientPerWindow"] = "100000",
    ["RateLimits:FormPerWindow"] = "1000000",
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

await using var database = NpgsqlDataSource.Create(connectionString);
var exitCode = 0;
var lines = new List<string>();
try
{
    // Every schema and the demo district first: the public surface alone does not create the teams' tables.
    Progress("preparing: all schemas, the demo district and the bus queues");
    await BenchApp.PrepareAsync(configuration, ct);
    var postgresVersion = await ScalarAsync<string>(database, "SHOW server_version", ct);
    var firstTip = 0;

    // --- 1. all targets in one process (its warm-up also warms the code the later phases run) ---
    Phase combined;
    DrainResult combinedDrain;
    EndToEndResult? e2e = null;
    EndToEndResult? poisoned = null;
    var poisonPublished = 0;
    int effectiveIterations;
    double hashMilliseconds;
    await using (var all = await BenchApp.StartAsync(configuration, "all", options.Concurrency, ct))
    {
        effectiveIterations = all.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value.ReceiptHashIterations;
        hashMilliseconds = MeasureHash(effectiveIterations);
        Progress($"phase 1: TipLine --target all, {options.Combined} submissions while routing and teams work alongside");
        combined = await SubmissionsAsync(all.Reporter, database, options.Warmup, options.Combined, options.Concurrency, firstTip, ct);
        firstTip += combined.WarmedUp + options.Combined;
        combinedDrain = await DrainAsync(database, TimeSpan.FromSeconds(600), ct);

        // --- 2. end to end ----------------------------------------------------------------------
        if (options.EndToEnd > 0)
        {
            Progress($"phase 2: end to end, {options.EndToEnd} tips at {options.Rate:0.#}/s");
            e2e = await EndToEndAsync(all.Reporter, database, options.EndToEnd, options.Rate, firstTip, ct);
            firstTip += options.EndToEnd;

            // --- 2b. the same, while messages that always fail go through their retries to their error queue ---
            Progress($"phase 2b: end to end again, with a message that always fails published every {PoisonPhase.Every.TotalMilliseconds:0} ms");
            using var poisoning = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var publishing = PublishPoisonAsync(all.Services.GetRequiredService<MassTransit.IBus>(), poisoning.Token);
            poisoned = await EndToEndAsync(all.Reporter, database, options.EndToEnd, options.Rate, firstTip, ct);
            await poisoning.CancelAsync();
            poisonPublished = await publishing;
            firstTip += options.EndToEnd;
        }
    }

    // --- 3. the public surface alone ----------------------------------------------------------
    Progress($"phase 3: TipLine --target intake (the public surface), {options.Submissions} submissions");
    Phase publicSurface;
    await using (var intake = await BenchApp.StartAsync(configuration, "intake", options.Concurrency, ct))
    {
        publicSurface = await SubmissionsAsync(intake.Reporter, database, 0, options.Submissions, options.Concurrency, firstTip, ct);
    }

    // --- 4. the pipeline alone routes phase 3's backlog -----------------------------------------
    Progress("phase 4: TipLine --target all routes the public surface's backlog");
    DrainResult backlog;
    CpuUse backlogCpu;
    await using (var pipeline = await BenchApp.StartAsync(configuration, "all", options.Concurrency, ct))
    {
        var backlogBefore = CpuSample.Take();
        backlog = await DrainAsync(database, TimeSpan.FromSeconds(600), ct);
        backlogCpu = CpuSample.Take().UseSince(backlogBefore);
    }

    // --- 5. a flood, with the production rate limits and alerts on ------------------------------
    FloodResult? flood = null;
    var alertWindow = options.Extra.TryGetValue("Escalation:AlertWindow", out var window) && TimeSpan.TryParse(window, CultureInfo.InvariantCulture, out var set)
        ? set : TimeSpan.FromMinutes(2);
    if (options.Flood)
    {
        Progress($"phase 5: a flood for {FloodPhase.Duration.TotalSeconds:0} s ({FloodPhase.FloodTips} web tips from one address, {FloodPhase.FloodTexts} texts from one number) and a reporter at 1 tip/s");
        flood = await FloodPhase.RunAsync(configuration, database, alertWindow, ct);
    }

    // --- the figures --------------------------------------------------------------------------
    lines.Add("TipLine benchmark");
    lines.Add($"  machine       {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}");
    lines.Add($"  runtime       {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; PostgreSQL {postgresVersion}");
    lines.Add($"  services      bus RabbitMQ {options.RabbitHost}:{options.RabbitPort}/{options.VirtualHost}, APY {options.Apy}; everything on this machine");
    lines.Add($"  before start  machine {backgroundBusy:P0} busy over 2 s, load average {loadAverage}"
        + (backgroundBusy > 0.1 ? " (other work is running here: figures are lower than on an idle machine)" : " (idle)"));
    lines.Add($"  receipt hash  PBKDF2-SHA256, {effectiveIterations} iterations: {hashMilliseconds:0.00} ms per hash on one core");
    lines.Add($"  tips          {Tips.Mix}");
    lines.Add($"  reporters     {options.Concurrency} at once, each a GET of the form then a POST (only the POST is timed); they run in this process");
    lines.Add("");
    lines.Add($"1. All targets in one process: {options.Combined} submissions after {combined.WarmedUp} warm-up, while routing and teams work alongside");
    combined.Describe(lines);
    lines.Add($"  pipeline      {(combinedDrain.Done ? "every" : "NOT every")} report had its case {combinedDrain.After.TotalSeconds:0.0} s after the last answer");
    if (e2e is not null)
    {
        lines.Add("");
        lines.Add($"2. End to end: {options.EndToEnd} tips at {options.Rate:0.#}/s to the same process, POST answer -> case in teams.cases (polled every 20 ms)");
        lines.Add($"  latency       p50 {Percentiles.Of(e2e.Seconds, 50):0.000} s   p95 {Percentiles.Of(e2e.Seconds, 95):0.000} s   max {(e2e.Seconds.Count > 0 ? e2e.Seconds.Max() : double.NaN):0.000} s  ({e2e.Seconds.Count} of {e2e.Answered} found)");
        lines.Add($"  by language   English p50 {Percentiles.Of(e2e.English, 50):0.000} s p95 {Percentiles.Of(e2e.English, 95):0.000} s; Spanish p50 {Percentiles.Of(e2e.Spanish, 50):0.000} s p95 {Percentiles.Of(e2e.Spanish, 95):0.000} s");
        lines.Add($"  server clock  accepted->routed p50 {Percentiles.Of(e2e.AcceptedToRouted, 50):0.000} s p95 {Percentiles.Of(e2e.AcceptedToRouted, 95):0.000} s; routed->in queue p50 {Percentiles.Of(e2e.RoutedToQueued, 50):0.000} s p95 {Percentiles.Of(e2e.RoutedToQueued, 95):0.000} s");
        lines.Add($"  errors        {Phase.DescribeErrors(e2e.Errors)}");
    }
    if (poisoned is not null)
    {
        lines.Add("");
        lines.Add($"2b. End to end again while a message that always fails arrives every {PoisonPhase.Every.TotalSeconds:0.##} s ({poisonPublished} published; each goes through its retries, then to its error queue)");
        lines.Add($"  latency       p50 {Percentiles.Of(poisoned.Seconds, 50):0.000} s   p95 {Percentiles.Of(poisoned.Seconds, 95):0.000} s   max {(poisoned.Seconds.Count > 0 ? poisoned.Seconds.Max() : double.NaN):0.000} s  ({poisoned.Seconds.Count} of {poisoned.Answered} found)");
        lines.Add($"  errors        {Phase.DescribeErrors(poisoned.Errors)}");
    }
    lines.Add("");
    lines.Add($"3. Public surface: TipLine --target intake alone (routing and teams stopped), {options.Submissions} submissions after {publicSurface.WarmedUp} warm-up");
    publicSurface.Describe(lines);
    lines.Add("");
    lines.Add("4. Pipeline: TipLine --target all routes phase 3's backlog (RabbitMQ, APY, on-call, case, escalation timer)");
    var opened = (int)(backlog.Cases - backlog.CasesAtStart);
    lines.Add($"  backlog       {(backlog.Done ? "every" : "NOT every")} report had its case after {backlog.After.TotalSeconds:0.0} s ({opened} cases opened, {backlog.Rate:0.0}/s)");
    lines.Add($"  CPU (cores)   {backlogCpu.Cores()}");
    lines.Add($"  CPU per case  this process {backlogCpu.MillisecondsEach(CpuSample.Self, opened):0.0} ms, PostgreSQL {backlogCpu.MillisecondsEach(CpuSample.Postgres, opened):0.0} ms,"
        + $" RabbitMQ {backlogCpu.MillisecondsEach(CpuSample.RabbitMq, opened):0.0} ms, APY {backlogCpu.MillisecondsEach(CpuSample.Apertium, opened):0.0} ms");
    if (flood is not null)
    {
        lines.Add("");
        lines.Add($"5. Flood: {FloodPhase.Duration.TotalSeconds:0} s of {FloodPhase.FloodTips} web tips from one address and {FloodPhase.FloodTexts} texts from one number, a reporter at 1 tip/s from another (production rate limits; alerts on)");
        flood.Describe(lines, alertWindow);
    }
    lines.Add("");
    lines.Add($"Targets: >=300 submissions/s with POST p99 <100 ms: public surface (3) {Verdict(publicSurface.Throughput >= 300 && publicSurface.P99 < 100)}"
        + $" ({publicSurface.Throughput:0}/s, p99 {publicSurface.P99:0} ms); all in one process (1) {Verdict(combined.Throughput >= 300 && combined.P99 < 100)}"
        + $" ({combined.Throughput:0}/s, p99 {combined.P99:0} ms)");
    if (e2e is not null) lines.Add($"         end-to-end p95 <1 s (2) {Verdict(Percentiles.Of(e2e.Seconds, 95) < 1)}");
    if (flood is not null) lines.Add($"         legitimate POST p95 <1 s during the flood (5) {Verdict(Percentiles.Of(flood.Legitimate, 95) < 1000)}");
    if (publicSurface.Result.Latencies.Count == 0 || combined.Result.Latencies.Count == 0) exitCode = 1;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Progress($"stopped: the run reached its limit of {options.Timeout.TotalSeconds:0} s (or was interrupted)");
    exitCode = 1;
}
finally
{
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

// A warm-up, then `count` measured submissions with the CPU each service used and the locks waited on.
static async Task<Phase> SubmissionsAsync(
    Reporter reporter, NpgsqlDataSource database, int warmup, int count, int concurrency, int firstTip, CancellationToken ct)
{
    // Warm up until the JIT has settled: tiered compilation keeps re-compiling hot framework code
    // for a while, and that work is not part of a running district's steady state.
    var warmed = 0;
    var jitted = JitInfo.GetCompiledMethodCount();
    var warming = Stopwatch.GetTimestamp();
    while (true)
    {
        var chunk = Math.Max(warmup, 500);
        var started = Stopwatch.GetTimestamp();
        await ClosedLoopAsync(reporter, chunk, concurrency, firstTip + warmed, ct);
        warmed += chunk;
        var now = JitInfo.GetCompiledMethodCount();
        var perSecond = (now - jitted) / Stopwatch.GetElapsedTime(started).TotalSeconds;
        jitted = now;
        Console.Error.WriteLine($"[bench] warm-up: {warmed} submissions, the JIT compiled {perSecond:0} methods/s");
        if (perSecond < BenchOptions.SettledJitRate || Stopwatch.GetElapsedTime(warming) > BenchOptions.MaxWarmUp) break;
        warmup = 0;
    }
    firstTip += warmed;
    await using var locks = new LockWatch(database);
    locks.Start();
    var before = CpuSample.Take();
    var measured = await ClosedLoopAsync(reporter, count, concurrency, firstTip, ct);
    var after = CpuSample.Take();
    await locks.StopAsync();
    return new Phase(measured, warmed, after.UseSince(before), after.MachineBusySince(before), locks.Report());
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
/// <summary>
/// Publishes, until stopped, a team question for a channel with no reply path: its consumer fails every attempt, so each
/// one takes a consumer's retries and then waits in tipline-reporter-question-ready_error. Returns how many went out.
/// </summary>
static async Task<int> PublishPoisonAsync(MassTransit.IBus bus, CancellationToken stop)
{
    var published = 0;
    using var timer = new PeriodicTimer(PoisonPhase.Every);
    try
    {
        do
        {
            await bus.Publish(new ReporterQuestionReady(Guid.NewGuid(), Guid.NewGuid(), "fax", "Are you safe?", "en", "Are you safe?", "en", false,
                DateTimeOffset.UtcNow), stop);
            published++;
        }
        while (await timer.WaitForNextTickAsync(stop));
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
    }
    return published;
}

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

internal sealed record DrainResult(bool Done, TimeSpan After, long Reports, long Cases, long CasesAtStart)
{
    public double Rate => After.TotalSeconds > 0 ? (Cases - CasesAtStart) / After.TotalSeconds : double.NaN;
}

/// <summary>One measured run of submissions and what it cost.</summary>
internal sealed record Phase(ClosedLoopResult Result, int WarmedUp, CpuUse Cpu, double MachineBusy, IReadOnlyList<string> LockWaits)
{
    public double Throughput => Result.Latencies.Count / Result.Wall.TotalSeconds;

    public double P99 => Percentiles.Of(Result.Latencies, 99);

    public static string DescribeErrors(IReadOnlyDictionary<string, int> errors) =>
        errors.Count == 0 ? "none" : string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value} x {e.Key}"));

    public void Describe(List<string> lines)
    {
        var ok = Result.Latencies;
        lines.Add($"  throughput    {Throughput:0.0} submissions/s  ({ok.Count} receipts in {Result.Wall.TotalSeconds:0.00} s)");
        lines.Add($"  POST latency  p50 {Percentiles.Of(ok, 50):0.0} ms   p99 {P99:0.0} ms   max {(ok.Count > 0 ? ok.Max() : double.NaN):0.0} ms");
        lines.Add($"  errors        {DescribeErrors(Result.Errors)}");
        lines.Add($"  CPU (cores)   {Cpu.Cores()}  (machine {MachineBusy:P0} busy)");
        lines.Add($"  CPU per tip   this process {Cpu.MillisecondsEach(CpuSample.Self, ok.Count):0.0} ms, PostgreSQL {Cpu.MillisecondsEach(CpuSample.Postgres, ok.Count):0.0} ms,"
            + $" RabbitMQ {Cpu.MillisecondsEach(CpuSample.RabbitMq, ok.Count):0.0} ms, APY {Cpu.MillisecondsEach(CpuSample.Apertium, ok.Count):0.0} ms");
        lines.Add($"  lock waits    {(LockWaits.Count == 0 ? "none seen (pg_stat_activity, every 250 ms)" : LockWaits[0])}");
        foreach (var more in LockWaits.Skip(1)) lines.Add($"                {more}");
    }
}

internal sealed record EndToEndResult(
    IReadOnlyCollection<double> Seconds, IReadOnlyCollection<double> English, IReadOnlyCollection<double> Spanish,
    IReadOnlyCollection<double> AcceptedToRouted, IReadOnlyCollection<double> RoutedToQueued, int Answered,
    IReadOnlyDictionary<string, int> Errors);

internal static class PoisonPhase
{
    /// <summary>How often phase 2b publishes a message that always fails: four a second, each held through its retries.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
}
