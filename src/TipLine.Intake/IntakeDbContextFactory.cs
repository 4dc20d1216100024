using TipLine.Bus.Database;

namespace TipLine.Intake;

/// <summary>The context for <c>dotnet ef</c> and the migrate step.</summary>
internal sealed class IntakeDbContextFactory() : ModuleDbContextFactory<IntakeDbContext>(IntakeDbContext.Schema, options => new IntakeDbContext(options));
