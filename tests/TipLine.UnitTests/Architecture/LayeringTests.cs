using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using TipLine.Hosting;
using TipLine.Intake;
using TipLine.Routing;
using TipLine.Teams;

namespace TipLine.UnitTests.Architecture;

/// <summary>
/// The borders the folder tree promises: modules keep their internals and their own schema, channels share only what
/// lives outside their folders, and the leaf libraries know nothing of the modules. Each rule has a self-check that
/// runs the same search where the answer is known to be "yes", so a rule cannot pass by finding nothing.
/// </summary>
public class LayeringTests
{
    private static readonly Assembly Intake = typeof(IntakeModule).Assembly;
    private static readonly Assembly Routing = typeof(RoutingModule).Assembly;
    private static readonly Assembly Teams = typeof(TeamsModule).Assembly;
    private static readonly Assembly Host = typeof(Targets).Assembly;

    private static readonly string[] ModuleNames = ["TipLine.Intake", "TipLine.Routing", "TipLine.Teams", "TipLine"];

    /// <summary>Libraries a module may use; none of them may use a module.</summary>
    private static readonly Assembly[] Leaves =
    [
        typeof(TipLine.Contracts.ReportSubmitted).Assembly, typeof(TipLine.Bus.ContractTypes).Assembly, typeof(TipLine.Directory.SchoolDirectory).Assembly,
        typeof(TipLine.Attachments.AttachmentStore).Assembly, typeof(TipLine.Mail.MailSender).Assembly, typeof(TipLine.Twilio.TwilioSignature).Assembly,
        typeof(TipLine.Languages.LanguageDetector).Assembly, typeof(TipLine.Voicemail.ITranscriber).Assembly,
    ];

    /// <summary>Every assembly that owns a schema.</summary>
    private static readonly Assembly[] SchemaOwners =
        [typeof(TipLine.Directory.SchoolDirectory).Assembly, typeof(TipLine.Attachments.AttachmentStore).Assembly, Intake, Routing, Teams];

    /// <summary>What the host may see of each module: how to wire it, migrate it and seed a demo district.</summary>
    private static readonly string[] PublicSurface =
    [
        "TipLine.Intake.IntakeModule", "TipLine.Intake.Channels.Email.EmailOptions", "TipLine.Intake.Channels.Email.MailboxOptions",
        "TipLine.Intake.Channels.WebForm.ClientKeys", "TipLine.Intake.Channels.WebForm.FormRateLimitOptions",
        "TipLine.Intake.Localization.ReporterLanguage", "TipLine.Intake.Localization.ReporterLanguages",
        "TipLine.Intake.Localization.ReporterText",
        "TipLine.Routing.RoutingModule",
        "TipLine.Teams.TeamsModule", "TipLine.Teams.Staff.StaffRoles", "TipLine.Teams.Staff.StaffUser",
    ];

    [Fact]
    public void Modules_show_the_host_only_their_wiring_and_keep_the_rest_internal()
    {
        var visible = PublicTypes(Intake, Routing, Teams);

        Assert.Equal(PublicSurface.Order(), visible.Order());
    }

    [Fact]
    public void The_public_type_search_sees_public_types()
    {
        // A leaf library is public by design: the search that guards the modules lists its types.
        Assert.Contains("TipLine.Twilio.TwilioSignature", PublicTypes(typeof(TipLine.Twilio.TwilioSignature).Assembly));
    }

    [Fact]
    public void No_module_uses_another_module_s_database_context()
    {
        foreach (var module in SchemaOwners)
        {
            var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(ForeignContexts(module)).GetResult();
            AssertHolds(result, $"{module.GetName().Name} must reach other schemas through their modules, not their DbContext");
        }
    }

    [Fact]
    public void The_context_rule_sees_the_host_seeding_the_directory()
    {
        // The host's demo seeding writes the directory's context directly; the same search finds it.
        var result = Types.InAssembly(Host).ShouldNot().HaveDependencyOnAny(ForeignContexts(Host)).GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains("TipLine.Hosting.DemoDistrict", result.FailingTypeNames ?? []);
    }

    public static TheoryData<string> Channels() => new(ChannelNamespaces());

    [Theory]
    [MemberData(nameof(Channels))]
    public void A_channel_folder_uses_no_other_channel_s_folder(string channel)
    {
        var others = ChannelNamespaces().Where(c => c != channel).ToArray();

        var result = Types.InAssembly(Intake).That().ResideInNamespace(channel).ShouldNot().HaveDependencyOnAny(others).GetResult();

        AssertHolds(result, $"{channel} must share with other channels only through intake's shared folders");
    }

    [Fact]
    public void The_channel_rule_sees_a_channel_using_a_shared_folder()
    {
        Assert.Equal(["TipLine.Intake.Channels.Email", "TipLine.Intake.Channels.Sms", "TipLine.Intake.Channels.Voice",
            "TipLine.Intake.Channels.WebForm"], ChannelNamespaces());
        // Voicemail threads a caller's later texts: the same search finds its use of the shared reporter folder.
        var result = Types.InAssembly(Intake).That().ResideInNamespace("TipLine.Intake.Channels.Voice")
            .ShouldNot().HaveDependencyOnAny("TipLine.Intake.Reporters").GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains("TipLine.Intake.Channels.Voice.VoicemailProcessor", result.FailingTypeNames ?? []);
    }

    public static TheoryData<string> LeafNames() => new(Leaves.Select(l => l.GetName().Name!));

    [Theory]
    [MemberData(nameof(LeafNames))]
    public void A_leaf_library_references_no_module(string leaf)
    {
        var assembly = Leaves.Single(l => l.GetName().Name == leaf);

        Assert.Empty(assembly.GetReferencedAssemblies().Select(a => a.Name).Intersect(ModuleNames));
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(ModuleNames.Where(m => m != "TipLine").ToArray()).GetResult();
        AssertHolds(result, $"{leaf} must not use intake, routing or teams");
    }

    [Fact]
    public void The_leaf_rule_sees_modules_referencing_leaves()
    {
        Assert.Contains("TipLine.Twilio", Intake.GetReferencedAssemblies().Select(a => a.Name));
        Assert.False(Types.InAssembly(Host).ShouldNot().HaveDependencyOnAny("TipLine.Teams").GetResult().IsSuccessful);
    }

    private static List<string> PublicTypes(params Assembly[] assemblies) =>
        assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested && t.Namespace?.Contains(".Migrations", StringComparison.Ordinal) != true)
            .Select(t => t.FullName!).ToList();

    private static string[] ForeignContexts(Assembly module) =>
        SchemaOwners.Where(a => a != module)
            .SelectMany(a => a.GetTypes().Where(t => t.IsSubclassOf(typeof(DbContext))))
            .Select(t => t.FullName!).ToArray();

    private static List<string> ChannelNamespaces() =>
        Intake.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("TipLine.Intake.Channels.", StringComparison.Ordinal))
            .Select(n => string.Join('.', n.Split('.').Take(4))).Distinct().Order().ToList();

    private static void AssertHolds(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}. Offending types: {string.Join(", ", result.FailingTypeNames ?? [])}");
}
