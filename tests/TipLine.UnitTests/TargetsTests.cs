using Microsoft.Extensions.Configuration;
using TipLine.Hosting;

namespace TipLine.UnitTests;

public class TargetsTests
{
    private static IConfiguration Configuration(string? target) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(target is null ? [] : [new KeyValuePair<string, string?>("target", target)])
            .Build();

    [Fact]
    public void Without_a_target_everything_runs()
    {
        Assert.Equal(new Targets(Intake: true, Routing: true, Teams: true), Targets.From(Configuration(null)));
    }

    [Theory]
    [InlineData("all", true, true, true)]
    [InlineData("ALL", true, true, true)]
    [InlineData("intake", true, false, false)]
    [InlineData("routing", false, true, false)]
    [InlineData("teams", false, false, true)]
    [InlineData("intake,teams", true, false, true)]
    [InlineData(" Routing , TEAMS ", false, true, true)]
    [InlineData("intake,all", true, true, true)]
    [InlineData("intake,,intake", true, false, false)]
    public void Named_targets_choose_the_modules_that_run(string target, bool intake, bool routing, bool teams)
    {
        Assert.Equal(new Targets(intake, routing, teams), Targets.From(Configuration(target)));
    }

    [Theory]
    [InlineData("staff", "staff")]
    [InlineData("intake,bogus", "bogus")]
    [InlineData("intake,Routng", "routng")]
    public void An_unknown_target_is_refused_with_a_clear_message(string target, string unknown)
    {
        var error = Assert.Throws<ArgumentException>(() => Targets.From(Configuration(target)));

        Assert.Contains($"Unknown target(s): {unknown}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Use all, intake, routing, teams, migrate, reseal or audit-check.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_runs_no_module()
    {
        Assert.Equal(new Targets(Intake: false, Routing: false, Teams: false, Migrate: true), Targets.From(Configuration(" Migrate ")));
    }

    [Fact]
    public void Reseal_runs_no_module()
    {
        Assert.Equal(new Targets(Intake: false, Routing: false, Teams: false, Reseal: true), Targets.From(Configuration("reseal")));
    }

    [Fact]
    public void Audit_check_runs_no_module()
    {
        Assert.Equal(new Targets(Intake: false, Routing: false, Teams: false, AuditCheck: true), Targets.From(Configuration("audit-check")));
    }

    [Theory]
    [InlineData("migrate,all", "migrate")]
    [InlineData("intake,migrate", "migrate")]
    [InlineData("reseal,intake", "reseal")]
    [InlineData("migrate,reseal", "migrate")]
    [InlineData("teams,audit-check", "audit-check")]
    public void A_maintenance_target_alongside_another_is_refused(string target, string alone)
    {
        var error = Assert.Throws<ArgumentException>(() => Targets.From(Configuration(target)));

        Assert.Contains($"{alone} target runs alone", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true, true, "intake,routing,teams")]
    [InlineData(true, false, true, "intake,teams")]
    [InlineData(false, true, false, "routing")]
    public void Targets_print_as_the_modules_they_run(bool intake, bool routing, bool teams, string expected)
    {
        Assert.Equal(expected, new Targets(intake, routing, teams).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData("  ")]
    public void An_empty_target_never_starts_a_host_that_runs_nothing(string target)
    {
        var outcome = Record.Exception(() =>
        {
            var targets = Targets.From(Configuration(target));
            Assert.True(targets.Intake || targets.Routing || targets.Teams, $"'{target}' runs no module.");
        });

        Assert.True(outcome is null or ArgumentException, outcome?.Message);
    }
}
