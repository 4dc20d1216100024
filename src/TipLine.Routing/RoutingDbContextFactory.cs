using TipLine.Bus.Database;

namespace TipLine.Routing;

/// <summary>The context for <c>dotnet ef</c> and the migrate step.</summary>
internal sealed class RoutingDbContextFactory() : ModuleDbContextFactory<RoutingDbContext>(RoutingDbContext.Schema, options => new RoutingDbContext(options));
