using TipLine.Bus.Database;

namespace TipLine.Teams;

/// <summary>The context for <c>dotnet ef</c> and the migrate step.</summary>
public sealed class TeamsDbContextFactory() : ModuleDbContextFactory<TeamsDbContext>(TeamsDbContext.Schema, options => new TeamsDbContext(options));
