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
    /// <summary>
    /// A reporter's answer in the team's language, or a team question as the reporter received it in theirs, when it
    /// could be translated.
    /// </summary>
    public string? Translation { get; set; }
    public bool NeedsTranslation { get; set; }
    /// <summary>The engine that made <see cref="Translation"/>.</summary>
    public string? TranslatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
