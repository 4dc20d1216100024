using Microsoft.AspNetCore.Http;

namespace TipLine.Twilio.Webhooks;

/// <summary>A call to one of our numbers (the voice webhook).</summary>
public sealed record InboundCall(string CallSid, string? From, string To, string CallStatus)
{
    public static ParsedWebhook<InboundCall> FromForm(IFormCollection form) => FromForm(WebhookFields.Flatten(form));

    public static ParsedWebhook<InboundCall> FromForm(IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = new WebhookFields(form);
        var callSid = fields.Required("CallSid");
        // Optional on purpose: an anonymous tip line must take a call whose caller ID is withheld.
        var from = fields.Optional("From");
        var to = fields.Required("To");
        var status = fields.Required("CallStatus");
        return fields.Result("Inbound call", () => new InboundCall(callSid, from, to, status));
    }
}
