using Microsoft.Extensions.Configuration;
using TipLine.Intake.Channels.WebForm;
using TipLine.Twilio;

namespace TipLine.Intake.Followup;

/// <summary>
/// The public address of /report/followup that receipts sent by text or mail name: <c>ReplyNotices:FollowupUrl</c> when
/// set, else the Twilio webhooks' public base (the same public surface serves both). Null when neither is configured:
/// then no receipt is sent, since the reporter could not be told where to use it.
/// </summary>
internal sealed record FollowupAddress(string? Url)
{
    // Read from configuration, not from the options: TwilioOptions validates on first use, and Twilio is optional.
    public static FollowupAddress From(IConfiguration configuration) => new(
        configuration[$"{ReplyNoticeOptions.Section}:{nameof(ReplyNoticeOptions.FollowupUrl)}"] is { Length: > 0 } configured ? configured
        : configuration[$"{TwilioOptions.Section}:{nameof(TwilioOptions.PublicBaseUrl)}"] is { Length: > 0 } publicBase ? publicBase.TrimEnd('/') + "/report/followup"
        : null);
}
