namespace TipLine.Teams.Cases;

/// <summary>One message of the anonymous conversation as the team sees it.</summary>
internal sealed class CaseMessage
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public bool FromReporter { get; init; }
    public Guid? AuthorId { get; init; }
    /// <summary>What was written, in the writer's language.</summary>
    public required string Text { get; init; }
    public required string Language { get; init; }
    /// <summary>A reporter's answer in the team's language, when it could be translated.</summary>
    public string? Translation { get; init; }
    public bool NeedsTranslation { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
