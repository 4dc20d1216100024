namespace TipLine.Bus.Database;

/// <summary>A module context this process uses: its schema must be current before the process starts.</summary>
public sealed record ModuleSchema(Type ContextType);
