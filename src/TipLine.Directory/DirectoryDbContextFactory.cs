using TipLine.Bus.Database;

namespace TipLine.Directory;

/// <summary>The context for <c>dotnet ef</c> and the migrate step.</summary>
public sealed class DirectoryDbContextFactory() : ModuleDbContextFactory<DirectoryDbContext>(DirectoryDbContext.Schema, options => new DirectoryDbContext(options));
