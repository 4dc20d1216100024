using Microsoft.AspNetCore.Http;

namespace TipLine.Twilio.Webhooks;

/// <summary>
/// The StatusCallback of a message we sent. Delivery refusals such as 30007 (filtered) usually arrive here, as
/// undelivered with an ErrorCode, not in the answer to the send.
/// </summary>
public sealed record MessageStatus(string MessageSid, string Status, int? ErrorCode)
{
    /// <summary>failed or undelivered: Twilio has given up on this message.</summary>
    public bool IsFailure => Status is "failed" or "undelivered";

    public static ParsedWebhook<MessageStatus> FromForm(IFormCollection form) => FromForm(WebhookFields.Flatten(form));

    public static ParsedWebhook<MessageStatus> FromForm(IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = new WebhookFields(form);
        var messageSid = fields.Required("MessageSid");
        var status = fields.Required("MessageStatus");
        var errorCode = fields.OptionalInt("ErrorCode");
        return fields.Result("Message status", () => new MessageStatus(messageSid, status, errorCode));
    }
}
