namespace TipLine.Bus.Work;

/// <summary>A kind of queued work this process runs: its name, the context and the row type that hold it.</summary>
public sealed record QueuedKind(string Kind, Type Context, Type Item);
