using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Contracts;
using TipLine.Twilio.Messages;

namespace TipLine.Teams.Alerts;

public sealed class AlertOptions
{
    /// <summary>The Twilio number alerts are sent from (E.164).</summary>
    public string SmsFrom { get; set; } = "";

    /// <summary>Where staff open TipLine, e.g. https://staff.tips.district.org: links in alerts start here.</summary>
    public string StaffBaseUrl { get; set; } = "";
}

/// <summary>
/// Sends an alert by SMS through Twilio's Messages API (with its retry rules). The outcome is
/// returned so escalation can fall back to email when it was refused or failed.
/// </summary>
public sealed class SmsAlertSender(TwilioMessagesClient twilio, IOptions<AlertOptions> options, ILogger<SmsAlertSender> log)
{
    public async Task<MessageSendResult> SendAsync(string staffNumber, string schoolName, SuggestedUrgency urgency, Guid caseId, CancellationToken ct)
    {
        var link = new Uri(new Uri(options.Value.StaffBaseUrl.TrimEnd('/') + "/"), $"staff/cases/{caseId}");
        var result = await twilio.SendAsync(options.Value.SmsFrom, staffNumber, AlertText.For(schoolName, urgency, link), null, ct);
        log.LogInformation("SMS alert for case {CaseId}: {Result}", caseId, result.GetType().Name);
        return result;
    }
}
