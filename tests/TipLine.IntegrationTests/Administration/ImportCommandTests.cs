using Microsoft.Extensions.Configuration;
using Spectre.Console;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Administration;

/// <summary>The CSV import from the command line: the same checks as the page, for a named district administrator.</summary>
public sealed class ImportCommandTests : RunningDistrict
{
    [Fact]
    public async Task Schools_are_checked_with_dry_run_then_imported_and_a_bad_file_or_a_non_administrator_is_refused()
    {
        var good = await FileAsync("""
            name,code,team
            Cedar Ridge High School,CRHS,Cedar Ridge BTAM team
            """);
        var (checkedExit, checkedOutput) = await RunAsync("import", "schools", good, "--as", "admin@demo.tipline.test", "--dry-run");
        Assert.Equal(0, checkedExit);
        Assert.Contains("1 rows: 1 new schools, 0 changed, 0 unchanged, 1 new teams. Checked only (--dry-run).", checkedOutput, StringComparison.Ordinal);
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools WHERE \"Code\" = 'CRHS'"));

        var (exit, output) = await RunAsync("import", "schools", good, "--as", "admin@demo.tipline.test");
        Assert.Equal(0, exit);
        Assert.Contains("Imported.", output, StringComparison.Ordinal);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools WHERE \"Code\" = 'CRHS'"));

        var bad = await FileAsync("""
            name,code,team
            Pine School,P,Cedar Ridge BTAM team
            """);
        var (badExit, badOutput) = await RunAsync("import", "schools", bad, "--as", "admin@demo.tipline.test");
        Assert.Equal(1, badExit);
        Assert.Contains("line 2: \"P\" is not a school code", badOutput, StringComparison.Ordinal);
        var (notAdmin, notAdminOutput) = await RunAsync("import", "schools", good, "--as", "counselor@demo.tipline.test");
        Assert.Equal(1, notAdmin);
        Assert.Contains("is not a district administrator", notAdminOutput, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("import", "schools", good)).Exit); // --as is required
        // Checked, imported and refused (the non-administrator is refused before anything is read).
        Assert.Equal(3L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'district.schools.import' AND \"Detail\" LIKE 'command line:%'"));
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 400; // one summary per line, as a wide terminal shows it
        var builder = TipLineHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(Environment.Settings("all"));
        var exit = await ImportCommand.RunAsync(args, builder, console);
        return (exit, output.ToString());
    }

    private static async Task<string> FileAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tipline-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        return path;
    }
}
