using TipLine.Contracts;

namespace TipLine.Teams.Alerts;

internal enum AlertMethod
{
    Sms,
    Email,
}

/// <summary>
/// What an on-call alert says: the school, the suggested urgency and a link; never tip text or names.
/// <paramref name="ReplyCode"/> is the short code a staff member can text back to acknowledge. A digest counts
/// <paramref name="Tips"/> tips and names their schools; so does one alert that covers several tips, of which
/// <paramref name="Imminent"/> were suggested Imminent. A <paramref name="Notice"/> (a surge began) is about no one tip.
/// </summary>
internal sealed record Alert(
    string SchoolName, SuggestedUrgency Urgency, Uri Link, string? ReplyCode = null, int Tips = 1, string? Unread = null, int Imminent = 0,
    string? Notice = null);

/// <summary>
/// <paramref name="Sent"/>: the provider took the alert (a later delivery failure may still be reported).
/// Not sent: refused or still failing after retries, so escalation falls back to the other method.
/// </summary>
internal sealed record AlertOutcome(bool Sent, string Detail, string? ProviderId = null);

/// <summary>One way to reach a staff member (SMS through Twilio, email through SMTP).</summary>
internal interface IAlertSender
{
    AlertMethod Method { get; }

    Task<AlertOutcome> SendAsync(string address, Alert alert, CancellationToken ct);
}
