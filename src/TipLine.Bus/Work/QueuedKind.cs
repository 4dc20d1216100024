namespace TipLine.Bus.Work;

/// <summary>
/// A kind of queued work this process runs: its name, the context and the row type that hold it, and the extra SQL
/// condition (if any) that tells rows still waiting from rows kept as a record (what <c>tipline.work.depth</c> counts).
/// </summary>
public sealed record QueuedKind(string Kind, Type Context, Type Item, string? WaitingFilter = null);
