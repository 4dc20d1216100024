using TipLine.Contracts;

namespace TipLine.Intake.Reports;

/// <summary>
/// How a team's question reaches the reporters of some channels: queued in the caller's transaction, so exactly once per
/// question; the channel's own worker delivers it later, outside any transaction.
/// </summary>
internal interface IReporterReplies
{
    /// <summary>The channels whose reporters this reaches (<see cref="ChannelNames"/>).</summary>
    IReadOnlyCollection<string> Channels { get; }

    Task QueueAsync(ReporterQuestionReady question, CancellationToken ct);
}
