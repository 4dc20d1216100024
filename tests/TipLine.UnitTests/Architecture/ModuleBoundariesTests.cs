using System.Reflection;
using Mono.Cecil;
using NetArchTest.Rules;
using TipLine.Bus;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Hosting;
using TipLine.Intake;
using TipLine.Routing;
using TipLine.Teams;

namespace TipLine.UnitTests.Architecture;

public class ModuleBoundariesTests
{
    private static readonly Assembly Contracts = typeof(ReportSubmitted).Assembly;
    private static readonly Assembly Bus = typeof(ContractTypes).Assembly;
    private static readonly Assembly DirectoryModule = typeof(SchoolDirectory).Assembly;
    private static readonly Assembly Intake = typeof(IntakeModule).Assembly;
    private static readonly Assembly Routing = typeof(RoutingModule).Assembly;
    private static readonly Assembly Teams = typeof(TeamsModule).Assembly;
    private static readonly Assembly Host = typeof(Targets).Assembly;
    private static readonly Assembly Attachments = typeof(TipLine.Attachments.AttachmentStore).Assembly;
    private static readonly Assembly Mail = typeof(TipLine.Mail.MailSender).Assembly;

    private const string SealedContactStore = "TipLine.Intake.Reporters.SealedContactStore";
    private const string SealedContact = "TipLine.Intake.Reporters.SealedContact";

    [Fact]
    public void Intake_does_not_depend_on_teams_or_routing()
    {
        var result = Types.InAssembly(Intake)
            .ShouldNot().HaveDependencyOnAny("TipLine.Teams", "TipLine.Routing")
            .GetResult();

        AssertHolds(result, "Intake must not depend on Teams or Routing");
    }

    [Fact]
    public void Routing_does_not_depend_on_intake_or_teams()
    {
        var result = Types.InAssembly(Routing)
            .ShouldNot().HaveDependencyOnAny("TipLine.Intake", "TipLine.Teams")
            .GetResult();

        AssertHolds(result, "Routing must not depend on Intake or Teams");
    }

    [Fact]
    public void Teams_do_not_depend_on_intake_or_routing()
    {
        var result = Types.InAssembly(Teams)
            .ShouldNot().HaveDependencyOnAny("TipLine.Intake", "TipLine.Routing")
            .GetResult();

        AssertHolds(result, "Teams must not depend on Intake or Routing");
    }

    [Fact]
    public void Attachments_depend_on_no_module_that_uses_them()
    {
        var result = Types.InAssembly(Attachments)
            .ShouldNot().HaveDependencyOnAny("TipLine.Intake", "TipLine.Routing", "TipLine.Teams", "TipLine.Voicemail", "TipLine.Twilio")
            .GetResult();

        AssertHolds(result, "Attachments must not depend on intake, routing, teams or the audio and Twilio libraries");
    }

    [Fact]
    public void Mail_depends_on_no_module_that_uses_it()
    {
        var result = Types.InAssembly(Mail)
            .ShouldNot().HaveDependencyOnAny("TipLine.Intake", "TipLine.Routing", "TipLine.Teams", "TipLine.Bus", "TipLine.Contracts", "TipLine.Directory")
            .GetResult();

        AssertHolds(result, "Mail plumbing must not depend on any module: intake and teams both use it");
        Assert.NotEmpty(Types.InAssembly(Teams).That().HaveDependencyOn("TipLine.Mail").GetTypes());
    }

    [Fact]
    public void Contracts_depend_on_nothing_of_ours()
    {
        var result = Types.InAssembly(Contracts)
            .ShouldNot().HaveDependencyOnAny(
                "TipLine.Bus", "TipLine.Directory", "TipLine.Intake", "TipLine.Routing", "TipLine.Teams", "TipLine.Hosting")
            .GetResult();

        AssertHolds(result, "Contracts must not depend on any TipLine module");
        var ours = Contracts.GetReferencedAssemblies().Where(a => a.Name?.StartsWith("TipLine", StringComparison.Ordinal) == true);
        Assert.Empty(ours);
    }

    [Fact]
    public void No_code_outside_intake_can_reach_sealed_contacts()
    {
        var result = Types.InAssemblies([Teams, Routing, Host, Bus, DirectoryModule, Attachments, Mail])
            .ShouldNot().HaveDependencyOnAny(SealedContactStore, SealedContact, "TipLine.Intake.Reporters.Sealing")
            .GetResult();

        AssertHolds(result, "Only intake may reference SealedContactStore, SealedContact or Sealing");
    }

    [Fact]
    public void The_sealed_contact_rule_sees_intake_s_own_use_of_the_store()
    {
        // Shows that the rule above can fail: intake's acceptance does use the store.
        var users = Types.InAssembly(Intake).That().HaveDependencyOn(SealedContactStore).GetTypes();

        Assert.Contains(users, t => t.FullName == "TipLine.Intake.Reports.ReportAcceptance");
    }

    [Fact]
    public void The_dependency_rules_see_the_dependencies_that_are_allowed()
    {
        // Shows that the namespace rules above can fail: the same search finds real references.
        Assert.NotEmpty(Types.InAssembly(Intake).That().HaveDependencyOn("TipLine.Contracts").GetTypes());
        Assert.NotEmpty(Types.InAssembly(Routing).That().HaveDependencyOn("TipLine.Directory").GetTypes());
        Assert.NotEmpty(Types.InAssembly(Teams).That().HaveDependencyOn("TipLine.Bus").GetTypes());
        Assert.NotEmpty(Types.InAssembly(Host).That().HaveDependencyOn("TipLine.Teams").GetTypes());
    }

    [Fact]
    public void Every_message_in_contracts_is_an_immutable_sealed_record()
    {
        var messages = Types.InAssembly(Contracts)
            .That().AreClasses().And().ArePublic().And().AreNotStatic().And().DoNotInherit(typeof(Enum));

        Assert.Contains(typeof(ReportSubmitted), messages.GetTypes());
        var result = messages.Should().BeSealed().And().MeetCustomRule(new ImmutableRecordRule()).GetResult();

        AssertHolds(result, "Contracts must be sealed records with no public setters");
    }

    [Theory]
    [InlineData(nameof(MutableMessage), false)]
    [InlineData(nameof(MutableRecord), false)]
    [InlineData(nameof(ImmutableRecord), true)]
    public void The_immutable_record_rule_tells_init_only_records_from_mutable_types(string name, bool immutable)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(ModuleBoundariesTests).Assembly.Location);
        var type = assembly.MainModule.GetType(typeof(ModuleBoundariesTests).FullName).NestedTypes.Single(t => t.Name == name);

        Assert.Equal(immutable, new ImmutableRecordRule().MeetsRule(type));
    }

    private static void AssertHolds(TestResult result, string rule)
    {
        var offenders = result.FailingTypeNames ?? [];
        Assert.True(result.IsSuccessful, $"{rule}. Offending types: {string.Join(", ", offenders)}");
    }

    /// <summary>A record (the compiler gives it a Clone method) whose properties are read-only or init-only.</summary>
    private sealed class ImmutableRecordRule : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) =>
            type.Methods.Any(m => m.Name == "<Clone>$")
            && type.Properties.All(p => p.SetMethod is null || !p.SetMethod.IsPublic || IsInitOnly(p.SetMethod))
            && type.Fields.All(f => !f.IsPublic || f.IsInitOnly || f.HasConstant);

        private static bool IsInitOnly(MethodDefinition setter) =>
            setter.ReturnType is RequiredModifierType { ModifierType.FullName: "System.Runtime.CompilerServices.IsExternalInit" };
    }

    /// <summary>What a contract must not look like: a class with a setter.</summary>
    public sealed class MutableMessage
    {
        public Guid ReportId { get; set; }
    }

    /// <summary>Nor this: a record with a setter.</summary>
    public sealed record MutableRecord(Guid ReportId)
    {
        public string? Note { get; set; }
    }

    /// <summary>What a contract looks like.</summary>
    public sealed record ImmutableRecord(Guid ReportId, string Text);
}
