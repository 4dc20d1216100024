using Microsoft.AspNetCore.Http;

namespace TipLine.Twilio.Webhooks;

/// <summary>
/// A call to one of our numbers (the voice webhook). <paramref name="StirVerstat"/> is Twilio's SHAKEN/STIR verification of
/// the caller ID, when the call carried one (e.g. <c>TN-Validation-Passed-A</c>).
/// </summary>
public sealed record InboundCall(string CallSid, string? From, string To, string CallStatus, string? StirVerstat = null)
{
    /// <summary>Full attestation: the originating carrier vouches that the caller may use this number. Anything less can be spoofed.</summary>
    public bool CallerAttested => string.Equals(StirVerstat, "TN-Validation-Passed-A", StringComparison.Ordinal);

    public static ParsedWebhook<InboundCall> FromForm(IFormCollection form) => FromForm(WebhookFields.Flatten(form));

    public static ParsedWebhook<InboundCall> FromForm(IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = new WebhookFields(form);
        var callSid = fields.Required("CallSid");
        // Optional on purpose: an anonymous tip line must take a call whose caller ID is withheld.
        var from = fields.Optional("From");
        var to = fields.Required("To");
        var status = fields.Required("CallStatus");
        var verstat = fields.Optional("StirVerstat");
        return fields.Result("Inbound call", () => new InboundCall(callSid, from, to, status, verstat));
    }
}
