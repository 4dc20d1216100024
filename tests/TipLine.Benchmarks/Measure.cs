using System.Diagnostics;
using System.Globalization;

namespace TipLine.Benchmarks;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile (p in 0..100) of the values; NaN when there are none.</summary>
    public static double Of(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// CPU used at one moment by this process, by the whole machine (/proc/stat) and by each process
/// (/proc/PID/stat), so a phase can say which services its time went to.
/// </summary>
public sealed record CpuSample(
    TimeSpan ProcessCpu, long MachineBusy, long MachineInterrupts, long MachineTotal, long At, IReadOnlyDictionary<int, (string Group, long Ticks)> Processes)
{
    // USER_HZ: the unit of /proc's CPU counters on Linux.
    private const double TicksPerSecond = 100;

    public const string Self = "TipLine + clients (this process)";
    public const string Postgres = "PostgreSQL";
    public const string RabbitMq = "RabbitMQ";
    public const string Apertium = "Apertium APY";
    public const string Interrupts = "kernel irq";

    public static CpuSample Take()
    {
        using var self = Process.GetCurrentProcess();
        var (busy, interrupts, total) = MachineJiffies();
        return new CpuSample(self.TotalProcessorTime, busy, interrupts, total, Stopwatch.GetTimestamp(), ProcessTicks());
    }

    public TimeSpan Since(CpuSample before) => Stopwatch.GetElapsedTime(before.At, At);

    /// <summary>
    /// CPU seconds each group used in between; "other" is whatever else ran on the machine
    /// (processes that are not part of the benchmark, and the kernel).
    /// </summary>
    public CpuUse UseSince(CpuSample before)
    {
        var groups = new Dictionary<string, double> { [Self] = 0, [Postgres] = 0, [RabbitMq] = 0, [Apertium] = 0 };
        var others = new Dictionary<string, double>();
        foreach (var (pid, (group, ticks)) in Processes)
        {
            // A process started in between counts from zero; one that ended in between is missed (and falls in "other").
            var start = before.Processes.TryGetValue(pid, out var earlier) && earlier.Group == group ? earlier.Ticks : 0;
            var used = (ticks - start) / TicksPerSecond;
            if (groups.ContainsKey(group)) groups[group] += used;
            else if (used > 0) others[group] = others.GetValueOrDefault(group) + used;
        }
        // Interrupt handling (loopback networking, disk) belongs to no process.
        groups[Interrupts] = (MachineInterrupts - before.MachineInterrupts) / TicksPerSecond;
        var seconds = Since(before).TotalSeconds;
        var machine = MachineBusySince(before) * Environment.ProcessorCount * seconds;
        var other = double.IsNaN(machine) ? double.NaN : Math.Max(0, machine - groups.Values.Sum());
        return new CpuUse(groups, other, [.. others.OrderByDescending(o => o.Value).Take(3).Select(o => (o.Key, o.Value))], seconds);
    }

    /// <summary>Share of all cores busy in between (0..1), or NaN where /proc/stat is not there.</summary>
    public double MachineBusySince(CpuSample before) =>
        MachineTotal > before.MachineTotal ? (double)(MachineBusy - before.MachineBusy) / (MachineTotal - before.MachineTotal) : double.NaN;

    private static Dictionary<int, (string Group, long Ticks)> ProcessTicks()
    {
        var result = new Dictionary<int, (string, long)>();
        var self = Environment.ProcessId;
        string[] pids;
        try
        {
            pids = System.IO.Directory.GetDirectories("/proc");
        }
        catch (IOException)
        {
            return result;
        }
        foreach (var directory in pids)
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                // pid (comm) state ppid ... utime(14) stime(15): comm may hold spaces, so split after its ')'.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var close = stat.LastIndexOf(')');
                var comm = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                // APY starts a deformatter and a reformatter process for every request; once it has
                // reaped them their time is in its cutime/cstime (16, 17), so it is counted as APY's.
                if (comm == "apertium-apy")
                {
                    ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                }
                result[pid] = (pid == self ? Self : GroupOf(comm), ticks);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // The process ended while we looked.
            }
        }
        return result;
    }

    private static string GroupOf(string comm) => comm switch
    {
        "postgres" => Postgres,
        "beam.smp" or "erl_child_setup" or "epmd" or "inet_gethost" => RabbitMq,
        _ when comm.StartsWith("apertium", StringComparison.Ordinal) || comm is "lt-proc" or "cg-proc" or "lrx-proc" or "hfst-proc" => Apertium,
        // Kernel worker threads carry their current job in the name: one entry for all of them.
        _ when comm.StartsWith("kworker", StringComparison.Ordinal) => "kworker",
        _ => comm,
    };

    private static (long Busy, long Interrupts, long Total) MachineJiffies()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal ...
            var first = File.ReadLines("/proc/stat").First();
            var fields = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Sum();
            return (total - fields[3] - fields[4], fields[5] + fields[6], total);
        }
        catch (IOException)
        {
            return (0, 0, 0);
        }
        catch (UnauthorizedAccessException)
        {
            return (0, 0, 0);
        }
    }
}

/// <summary>CPU seconds by group over a span of wall time.</summary>
public sealed record CpuUse(IReadOnlyDictionary<string, double> Seconds, double Other, IReadOnlyList<(string Name, double Seconds)> TopOthers, double WallSeconds)
{
    /// <summary>"group 0.00" cores for each group, then "other", naming its biggest processes so a shared machine shows.</summary>
    public string Cores()
    {
        var parts = Seconds.Select(g => $"{g.Key} {g.Value / WallSeconds:0.00}").ToList();
        if (!double.IsNaN(Other))
        {
            var top = TopOthers.Where(o => o.Seconds / WallSeconds >= 0.02).Select(o => $"{o.Name} {o.Seconds / WallSeconds:0.00}").ToList();
            parts.Add($"other {Other / WallSeconds:0.00}" + (top.Count > 0 ? $" [{string.Join(", ", top)}]" : ""));
        }
        return string.Join(", ", parts);
    }

    public double MillisecondsEach(string group, int count) => Seconds.GetValueOrDefault(group) * 1000 / Math.Max(1, count);
}
