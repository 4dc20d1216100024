using TipLine.Bus.Database;
using TipLine.Hosting;
using TipLine.Intake;

if (ImportCommand.Handles(args))
{
    // The command's own arguments are not configuration: settings come from the environment and appsettings.
    return await ImportCommand.RunAsync(args, TipLineHost.CreateBuilder([]), Spectre.Console.AnsiConsole.Console);
}
var builder = TipLineHost.CreateBuilder(args);
var targets = Targets.From(builder.Configuration);
if (targets.Migrate)
{
    await MigrateTarget.RunAsync(builder.Configuration, Console.Out);
    return 0;
}
if (targets.Reseal)
{
    var unopened = await IntakeModule.ResealAsync(builder.Configuration, Console.Out);
    return unopened == 0 ? 0 : 3;
}
if (targets.AuditCheck)
{
    return await TipLine.Teams.TeamsModule.CheckAuditChainAsync(builder.Configuration, Console.Out) ? 0 : 4;
}
var app = TipLineHost.Build(builder);
try
{
    await app.PrepareAsync();
}
catch (SchemaNotCurrentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
await app.RunAsync();
return 0;
