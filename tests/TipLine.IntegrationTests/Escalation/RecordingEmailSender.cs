using System.Collections.Concurrent;
using TipLine.Teams.Alerts;

namespace TipLine.IntegrationTests.Escalation;

/// <summary>Stands in for the email alert sender: records what would be mailed, or refuses everything when told to.</summary>
internal sealed class RecordingEmailSender : IAlertSender
{
    private readonly ConcurrentQueue<(string To, string Text)> sent = new();

    public AlertMethod Method => AlertMethod.Email;

    public bool Refuse { get; set; }

    public IReadOnlyList<(string To, string Text)> Sent => [.. sent];

    public Task<AlertOutcome> SendAsync(string address, Alert alert, CancellationToken ct)
    {
        if (Refuse) return Task.FromResult(new AlertOutcome(false, "refused (550 mailbox unavailable)"));
        sent.Enqueue((address, AlertText.For(alert)));
        return Task.FromResult(new AlertOutcome(true, "sent", $"<{Guid.NewGuid()}@mail.test>"));
    }
}
