namespace TipLine.Contracts;

/// <summary>
/// A module's queued work that was given up (its poison limit), counted by kind and error type, never content.
/// District administrators see the newest count.
/// </summary>
public sealed record DeadWorkCounted(string Module, IReadOnlyList<DeadWorkCount> Counts, DateTimeOffset CountedAt);

public sealed record DeadWorkCount(string Kind, string Error, int Count);
