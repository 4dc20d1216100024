using Microsoft.AspNetCore.Http;

namespace TipLine.Twilio.Webhooks;

/// <summary>An SMS or MMS to one of our numbers (the messaging webhook).</summary>
public sealed record InboundMessage(
    string MessageSid, string AccountSid, string From, string To, string Body, IReadOnlyList<InboundMedia> Media)
{
    /// <summary>Twilio delivers at most 10 attachments per message.</summary>
    public const int MaxMedia = 10;

    public int NumMedia => Media.Count;

    public static ParsedWebhook<InboundMessage> FromForm(IFormCollection form) => FromForm(WebhookFields.Flatten(form));

    public static ParsedWebhook<InboundMessage> FromForm(IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = new WebhookFields(form);
        var messageSid = fields.Required("MessageSid");
        var accountSid = fields.Required("AccountSid");
        var from = fields.Required("From");
        var to = fields.Required("To");
        var body = fields.Optional("Body") ?? ""; // empty for a picture-only MMS
        var count = fields.OptionalInt("NumMedia") ?? 0;
        var media = new List<InboundMedia>();
        if (count > MaxMedia)
        {
            fields.Malformed($"NumMedia is over {MaxMedia}");
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                var url = fields.RequiredUrl($"MediaUrl{i}");
                var contentType = fields.Required($"MediaContentType{i}");
                if (url is not null && contentType.Length > 0) media.Add(new InboundMedia(url, contentType));
            }
        }
        return fields.Result("Inbound message", () => new InboundMessage(messageSid, accountSid, from, to, body, media));
    }
}

/// <summary>One MMS attachment: fetch it with <see cref="Messages.TwilioMessagesClient.DownloadMediaAsync"/>.</summary>
public sealed record InboundMedia(Uri Url, string ContentType);
