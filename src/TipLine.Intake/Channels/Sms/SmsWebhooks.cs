using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Twilio;
using TipLine.Twilio.TwiML;
using TipLine.Twilio.Webhooks;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// Twilio's messaging webhooks. Each one: <see cref="TwilioWebhookFilter"/> (size, signature, account; else 413 or 403, nothing
/// created) →
/// parse the form → act → answer TwiML. Twilio waits at most 15 s; we answer once the database
/// commit is done, whatever the bus is doing.
/// </summary>
internal static class SmsWebhooks
{
    public const string InboundPath = "/twilio/sms";
    public const string StatusPath = "/twilio/sms/status";

    /// <summary>Marks a status callback as a texted receipt's (Twilio signs the whole URL, query included).</summary>
    public const string ReceiptQuery = "receipt";

    public static string ReceiptStatusUrl(TwilioOptions twilio) => twilio.PublicBaseUrl.TrimEnd('/') + StatusPath + "?" + ReceiptQuery + "=true";

    public static IEndpointRouteBuilder MapSmsWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapTwilioWebhooks();
        webhooks.MapPost(InboundPath, async (HttpRequest request, SmsIntake intake, IOptions<TwilioOptions> twilio, CancellationToken ct) =>
        {
            var parsed = InboundMessage.FromForm(await request.ReadFormAsync(ct));
            if (!parsed.IsValid) return Results.BadRequest(parsed.Error);
            var reply = await intake.HandleAsync(parsed.Value!, ct);
            var twiml = new TwimlResponse();
            if (reply is not null) twiml.Message(reply.Text);
            // Its status comes back marked as a receipt's, so Twilio's copy is redacted once it is delivered (or failed).
            if (reply?.Receipt is { } receipt) twiml.Message(receipt, action: ReceiptStatusUrl(twilio.Value));
            return twiml.ToResult();
        });

        webhooks.MapPost(StatusPath, async (HttpRequest request, IntakeDbContext db, SmsStatusUpdates updates, TimeProvider clock,
            CancellationToken ct) =>
        {
            var parsed = MessageStatus.FromForm(await request.ReadFormAsync(ct));
            if (!parsed.IsValid) return Results.BadRequest(parsed.Error);
            if (request.Query[ReceiptQuery] == "true") await ReceiptCopies.RedactWhenFinalAsync(db, parsed.Value!, clock.GetUtcNow(), ct);
            else await updates.ApplyAsync(parsed.Value!, ct);
            return Results.NoContent();
        });
        return endpoints;
    }
}
