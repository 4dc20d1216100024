using TipLine.Hosting;

var app = TipLineHost.Build(TipLineHost.CreateBuilder(args));
await app.PrepareAsync();
await app.RunAsync();
