using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using TipLine.Mail;

namespace TipLine.Teams.Alerts;

/// <summary>
/// Sends an alert by email through the one SMTP path (with its retries): the subject and text of <see cref="AlertText"/>, so
/// only the school, the suggested urgency and a link, because email is not secure. Returns the outcome so escalation can fall back.
/// </summary>
internal sealed class EmailAlertSender(MailSender mail, IOptions<AlertOptions> options, ILogger<EmailAlertSender> log) : IAlertSender
{
    public AlertMethod Method => AlertMethod.Email;

    public async Task<AlertOutcome> SendAsync(string address, Alert alert, CancellationToken ct)
    {
        if (!MailboxAddress.TryParse(options.Value.EmailFrom, out var from)) return new AlertOutcome(false, "not sent: Alerts:EmailFrom is not set");
        if (!MailboxAddress.TryParse(address, out var to)) return new AlertOutcome(false, "not sent: not an email address");
        var message = new MimeMessage { Subject = AlertText.Subject(alert), Body = new TextPart(TextFormat.Plain) { Text = AlertText.For(alert) } };
        message.From.Add(from);
        message.To.Add(to);
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated"); // no auto-reply should answer it
        var result = await mail.SendAsync(message, ct);
        log.LogInformation("Email alert: {Result}", result.GetType().Name);
        return result switch
        {
            MailSent sent => new AlertOutcome(true, "sent", sent.MessageId),
            MailRefused refused => new AlertOutcome(false, $"refused ({refused.StatusCode?.ToString() ?? refused.Reason})"),
            MailFailedAfterRetries failed => new AlertOutcome(false, $"failed after retries ({failed.StatusCode?.ToString() ?? failed.Reason})"),
            _ => new AlertOutcome(false, result.GetType().Name),
        };
    }
}
