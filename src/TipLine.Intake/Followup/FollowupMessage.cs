using TipLine.Contracts;

namespace TipLine.Intake.Followup;

/// <summary>One message of the anonymous conversation, in the reporter's language where we could translate it.</summary>
internal sealed class FollowupMessage
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public bool FromReporter { get; init; }
    public required string Text { get; init; }
    public required string Language { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A team question as it waits at /report/followup, whatever channel also carries it.</summary>
    public static FollowupMessage Question(ReporterQuestionReady question) => new()
    {
        Id = question.QuestionId, ReportId = question.ReportId, FromReporter = false, Text = question.Text, Language = question.Language,
        CreatedAt = question.AskedAt,
    };
}
