using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Twilio;
using TipLine.Twilio.Messages;

namespace TipLine.Teams.Alerts;

internal sealed class AlertOptions
{
    /// <summary>The Twilio number alerts are sent from (E.164).</summary>
    public string SmsFrom { get; set; } = "";

    /// <summary>The address email alerts come from, e.g. alerts@tips.district.org (sent through Email:Smtp).</summary>
    public string EmailFrom { get; set; } = "";

    /// <summary>Where staff open TipLine, e.g. https://staff.tips.district.org: links in alerts start here.</summary>
    public string StaffBaseUrl { get; set; } = "";

    /// <summary>Alerts and escalation run only where staff have somewhere to open them.</summary>
    public bool Enabled => StaffBaseUrl.Length > 0;
}

/// <summary>
/// Sends an alert by SMS through Twilio's Messages API (with its retry rules). The outcome is
/// returned so escalation can fall back to email when it was refused or failed.
/// </summary>
internal sealed class SmsAlertSender(
    TwilioMessagesClient twilio, IOptions<AlertOptions> options, IOptions<TwilioOptions> account, ILogger<SmsAlertSender> log) : IAlertSender
{
    public AlertMethod Method => AlertMethod.Sms;

    public async Task<AlertOutcome> SendAsync(string address, Alert alert, CancellationToken ct)
    {
        // Twilio reports a later delivery failure (e.g. 30007) to this callback, which falls back to email.
        var statusCallback = account.Value.PublicBaseUrl.TrimEnd('/') + AlertWebhooks.StatusPath;
        var result = await twilio.SendAsync(options.Value.SmsFrom, address, AlertText.For(alert), statusCallback, ct);
        log.LogInformation("SMS alert: {Result}", result.GetType().Name);
        return result switch
        {
            MessageSent sent => new AlertOutcome(true, sent.Status, sent.Sid),
            MessageRefused refused => new AlertOutcome(false, $"refused ({refused.Code?.ToString() ?? refused.HttpStatus.ToString()})"),
            MessageTransientFailure failed => new AlertOutcome(false, $"failed after retries ({failed.Code?.ToString() ?? failed.HttpStatus?.ToString() ?? "no answer"})"),
            _ => new AlertOutcome(false, result.GetType().Name),
        };
    }
}
