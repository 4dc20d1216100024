using Microsoft.Extensions.Configuration;

namespace TipLine.Hosting;

/// <summary>
/// Which parts this process runs, like Loki's -target: "all" on one machine, or intake, routing
/// and teams as separate processes behind RabbitMQ and PostgreSQL. "migrate" alone applies the
/// schema migrations and exits.
/// </summary>
public sealed record Targets(bool Intake, bool Routing, bool Teams, bool Migrate = false)
{
    public static Targets From(IConfiguration configuration)
    {
        var names = (configuration["target"] ?? "all").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.ToLowerInvariant()).ToHashSet();
        var unknown = names.Except(["all", "intake", "routing", "teams", "migrate"]).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown target(s): {string.Join(", ", unknown)}. Use all, intake, routing, teams or migrate.");
        if (names.Contains("migrate"))
        {
            if (names.Count > 1) throw new ArgumentException("The migrate target runs alone: migrate first, then start the other targets.");
            return new Targets(false, false, false, Migrate: true);
        }
        // An empty value (e.g. an unset variable in a compose file) means the default, all.
        var all = names.Count == 0 || names.Contains("all");
        return new Targets(all || names.Contains("intake"), all || names.Contains("routing"), all || names.Contains("teams"));
    }

    public override string ToString() =>
        string.Join(",", new[] { Intake ? "intake" : null, Routing ? "routing" : null, Teams ? "teams" : null, Migrate ? "migrate" : null }
            .OfType<string>());
}
