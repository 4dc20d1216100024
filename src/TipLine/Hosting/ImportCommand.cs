using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TipLine.Teams;

namespace TipLine.Hosting;

/// <summary>
/// <c>TipLine import schools|staff FILE --as ADMIN-EMAIL [--dry-run]</c>: the pages' CSV import from the command line
/// (System.CommandLine), with a progress bar while invitations are sent (Spectre.Console). Exit 0 when the file is good
/// (and imported), 1 when a row has a mistake or an invitation was not sent, 2 for a usage error.
/// </summary>
public static class ImportCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "import";

    public static async Task<int> RunAsync(string[] args, WebApplicationBuilder builder, IAnsiConsole console)
    {
        var root = new RootCommand("TipLine maintenance commands.");
        var import = new Command("import", "Import a district's schools or staff from a CSV file, all rows or none.");
        foreach (var (what, description) in new[]
        {
            ("schools", "Columns name,code,team,team_language,district_wide. Schools match by code, teams by name."),
            ("staff", "Columns email,name,team,role,district_admin. Each new address gets an invitation email."),
        })
        {
            var file = new Argument<FileInfo>("file") { Description = "The CSV file; its first line names the columns." };
            var actor = new Option<string>("--as") { Description = "The district administrator the import is done for (audited).", Required = true };
            var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report; change nothing." };
            var command = new Command(what, description) { file, actor, dryRun };
            command.SetAction((parsed, ct) => RunImportAsync(builder, console, what, parsed.GetValue(file)!, parsed.GetValue(actor)!, parsed.GetValue(dryRun), ct));
            import.Subcommands.Add(command);
        }
        root.Subcommands.Add(import);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors) console.MarkupLineInterpolated($"[red]{error.Message}[/]");
            return 2;
        }
        return await parseResult.InvokeAsync();
    }

    private static async Task<int> RunImportAsync(WebApplicationBuilder builder, IAnsiConsole console, string what, FileInfo file, string actor,
        bool dryRun, CancellationToken ct)
    {
        if (!file.Exists)
        {
            console.MarkupLineInterpolated($"[red]No file {file.FullName}.[/]");
            return 2;
        }
        await using var app = TipLineHost.Build(builder);
        await using var scope = app.Services.CreateAsyncScope();
        await using var csv = file.OpenRead();
        (bool Succeeded, string Summary, IReadOnlyList<string> Problems) outcome = default;
        await console.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var task = progress.AddTask($"{(dryRun ? "Checking" : "Importing")} {what}", maxValue: 1);
            var sent = new Progress<(int Done, int Of)>(p =>
            {
                task.MaxValue = p.Of;
                task.Value = p.Done;
            });
            outcome = await TeamsModule.ImportAsync(scope.ServiceProvider, what, csv, dryRun, actor, sent, ct);
            task.Value = task.MaxValue;
        });
        foreach (var problem in outcome.Problems ?? []) console.MarkupLineInterpolated($"[red]{problem}[/]");
        console.MarkupLineInterpolated($"{outcome.Summary}");
        return outcome.Succeeded ? 0 : 1;
    }
}
