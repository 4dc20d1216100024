using TipLine.Bus.Database;
using TipLine.Hosting;

var builder = TipLineHost.CreateBuilder(args);
if (Targets.From(builder.Configuration).Migrate)
{
    await MigrateTarget.RunAsync(builder.Configuration, Console.Out);
    return 0;
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
