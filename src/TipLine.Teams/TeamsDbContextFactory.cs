using TipLine.Bus.Database;

namespace TipLine.Teams;

/// <summary>The context for <c>dotnet ef</c> and the migrate step.</summary>
internal sealed class TeamsDbContextFactory() : ModuleDbContextFactory<TeamsDbContext>(TeamsDbContext.Schema, options => new TeamsDbContext(options));
