using System.Globalization;

namespace TipLine.Benchmarks;

/// <summary>Command-line flags, with the test environment's variables as fallbacks.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        Usage: infra/bench.sh [options]

          --submissions N     measured submissions to the public surface alone (default 3000)
          --concurrency C     virtual reporters submitting at once (default 16)
          --warmup N          unmeasured submissions first, at least (default 1000); warm-up goes on
                              until the JIT compiles under 20 methods/s (at most 120 s)
          --combined N        measured submissions to all targets in one process (default 1000)
          --e2e M             tips timed from POST answer to case in the team queue (default 200; 0 skips)
          --rate R            tips per second for the end-to-end phase (default 20)
          --flood 0|1         run the flood phase (default 1): a minute of 1,000 web tips and 200 texts from
                              one source each, and a reporter at 1 tip/s; alert window 2 min unless
                              --set Escalation:AlertWindow=... says otherwise
          --iterations N      Privacy:ReceiptHashIterations (PBKDF2 work factor; default: the app's, 2000)
          --postgres CS       PostgreSQL connection string (default $TIPLINE_TEST_POSTGRES,
                              else Host=127.0.0.1;Port=55432;Username=postgres)
          --database NAME     database to drop and recreate (default tipline_bench)
          --rabbitmq-host H   RabbitMQ host (default: from $TIPLINE_TEST_RABBITMQ, else 127.0.0.1)
          --rabbitmq-port P   RabbitMQ port (default: from $TIPLINE_TEST_RABBITMQ, else 5672)
          --vhost NAME        RabbitMQ virtual host, recreated empty at start (default tipline-bench)
          --apy URL           Apertium APY base URL (default $TIPLINE_TEST_APY, else http://127.0.0.1:2737)
          --set KEY=VALUE     extra app configuration, repeatable (e.g. --set Bus:Outbox:PollInterval=00:00:00.1)
          --timeout S         hard limit for the whole run in seconds (default 900)
          --help              this text
        """;

    /// <summary>Warm-up goes on, in steps of 500 submissions, until the JIT compiles fewer methods a second than this.</summary>
    public const double SettledJitRate = 20;

    /// <summary>...or until this long has passed.</summary>
    public static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(120);

    public int Submissions { get; private set; } = 3000;
    public int Concurrency { get; private set; } = 16;
    public int Warmup { get; private set; } = 1000;
    public int Combined { get; private set; } = 1000;
    public int EndToEnd { get; private set; } = 200;
    public double Rate { get; private set; } = 20;
    public bool Flood { get; private set; } = true;
    public int? Iterations { get; private set; }
    public string Postgres { get; private set; } = "";
    public string Database { get; private set; } = "tipline_bench";
    public string RabbitHost { get; private set; } = "127.0.0.1";
    public int RabbitPort { get; private set; } = 5672;
    public string RabbitUser { get; private set; } = "guest";
    public string RabbitPassword { get; private set; } = "guest";
    public string VirtualHost { get; private set; } = "tipline-bench";
    public string Apy { get; private set; } = "";
    public Dictionary<string, string?> Extra { get; } = [];
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(900);
    public bool Help { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions
        {
            Postgres = Environment.GetEnvironmentVariable("TIPLINE_TEST_POSTGRES") is { Length: > 0 } pg
                ? pg : "Host=127.0.0.1;Port=55432;Username=postgres",
            Apy = Environment.GetEnvironmentVariable("TIPLINE_TEST_APY") is { Length: > 0 } apy ? apy : "http://127.0.0.1:2737",
        };
        if (Environment.GetEnvironmentVariable("TIPLINE_TEST_RABBITMQ") is { Length: > 0 } rabbit
            && Uri.TryCreate(rabbit, UriKind.Absolute, out var uri))
        {
            o.RabbitHost = uri.Host;
            if (uri.Port > 0) o.RabbitPort = uri.Port;
            if (uri.UserInfo.Split(':', 2) is [{ Length: > 0 } user, var password])
            {
                o.RabbitUser = Uri.UnescapeDataString(user);
                o.RabbitPassword = Uri.UnescapeDataString(password);
            }
        }

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            string Value() => inline ?? (++i < args.Length ? args[i] : throw new ArgumentException($"{arg} needs a value."));
            switch (arg)
            {
                case "--submissions": o.Submissions = Int(arg, Value(), 1, 1_000_000); break;
                case "--concurrency": o.Concurrency = Int(arg, Value(), 1, 1024); break;
                case "--warmup": o.Warmup = Int(arg, Value(), 0, 100_000); break;
                case "--combined": o.Combined = Int(arg, Value(), 1, 1_000_000); break;
                case "--e2e": o.EndToEnd = Int(arg, Value(), 0, 100_000); break;
                case "--rate": o.Rate = Double(arg, Value(), 0.1, 10_000); break;
                case "--flood": o.Flood = Int(arg, Value(), 0, 1) == 1; break;
                case "--iterations": o.Iterations = Int(arg, Value(), 1000, 10_000_000); break;
                case "--postgres": o.Postgres = Value(); break;
                case "--database": o.Database = Value(); break;
                case "--rabbitmq-host": o.RabbitHost = Value(); break;
                case "--rabbitmq-port": o.RabbitPort = Int(arg, Value(), 1, 65535); break;
                case "--vhost": o.VirtualHost = Value(); break;
                case "--apy": o.Apy = Value(); break;
                case "--timeout": o.Timeout = TimeSpan.FromSeconds(Int(arg, Value(), 10, 86_400)); break;
                case "--set":
                    var pair = Value();
                    var split = pair.IndexOf('=', StringComparison.Ordinal);
                    if (split <= 0) throw new ArgumentException($"--set wants KEY=VALUE, not '{pair}'.");
                    o.Extra[pair[..split]] = pair[(split + 1)..];
                    break;
                case "--help" or "-h": o.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(o.Database, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            throw new ArgumentException("--database must be a plain lower-case identifier.");
        }
        return o;
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n : throw new ArgumentException($"{name} wants a whole number from {min} to {max}, not '{value}'.");

    private static double Double(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n : throw new ArgumentException($"{name} wants a number from {min} to {max}, not '{value}'.");
}
