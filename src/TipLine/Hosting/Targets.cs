using Microsoft.Extensions.Configuration;

namespace TipLine.Hosting;

/// <summary>
/// Which parts this process runs, like Loki's -target: "all" on one machine, or intake, routing
/// and teams as separate processes behind RabbitMQ and PostgreSQL. "migrate" alone applies the
/// schema migrations and exits; "reseal" alone seals intake's sealed values again under the current key and exits;
/// "audit-check" alone checks the audit log's hash chain and exits.
/// </summary>
public sealed record Targets(bool Intake, bool Routing, bool Teams, bool Migrate = false, bool Reseal = false, bool AuditCheck = false)
{
    private static readonly string[] RunAlone = ["migrate", "reseal", "audit-check"];

    public static Targets From(IConfiguration configuration)
    {
        var names = (configuration["target"] ?? "all").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.ToLowerInvariant()).ToHashSet();
        var unknown = names.Except(["all", "intake", "routing", "teams", .. RunAlone]).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown target(s): {string.Join(", ", unknown)}. Use all, intake, routing, teams, migrate, reseal or audit-check.");
        foreach (var alone in RunAlone.Where(names.Contains))
        {
            if (names.Count > 1) throw new ArgumentException($"The {alone} target runs alone: run it first, then start the other targets.");
            return new Targets(false, false, false, Migrate: alone == "migrate", Reseal: alone == "reseal", AuditCheck: alone == "audit-check");
        }
        // An empty value (e.g. an unset variable in a compose file) means the default, all.
        var all = names.Count == 0 || names.Contains("all");
        return new Targets(all || names.Contains("intake"), all || names.Contains("routing"), all || names.Contains("teams"));
    }

    public override string ToString() =>
        string.Join(",", new[] { Intake ? "intake" : null, Routing ? "routing" : null, Teams ? "teams" : null, Migrate ? "migrate" : null, Reseal ? "reseal" : null,
                AuditCheck ? "audit-check" : null }
            .OfType<string>());
}
