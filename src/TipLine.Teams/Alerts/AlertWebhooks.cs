using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TipLine.Teams.Escalation;
using TipLine.Twilio;
using TipLine.Twilio.TwiML;
using TipLine.Twilio.Webhooks;

namespace TipLine.Teams.Alerts;

/// <summary>
/// Twilio's webhooks for the alerts number: a staff member's reply (the code in an alert acknowledges it) and the
/// delivery status of alert texts (a failure falls back to email). <see cref="TwilioWebhookFilter"/> first; 413 or 403 and nothing done otherwise.
/// Both are safe to repeat: acknowledging twice changes nothing, and a failure gets one fallback.
/// </summary>
internal static class AlertWebhooks
{
    public const string ReplyPath = "/twilio/alerts/sms";
    public const string StatusPath = "/twilio/alerts/status";

    public static IEndpointRouteBuilder MapAlertWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapTwilioWebhooks();
        webhooks.MapPost(ReplyPath, async (HttpRequest request, AlertAcknowledgement acknowledgement,
            CancellationToken ct) =>
        {
            var parsed = InboundMessage.FromForm(await request.ReadFormAsync(ct));
            if (!parsed.IsValid) return Results.BadRequest(parsed.Error);
            var outcome = await acknowledgement.AcknowledgeByReplyAsync(parsed.Value.From, parsed.Value.Body, ct);
            return new TwimlResponse().Message(outcome switch
            {
                ReplyOutcome.Acknowledged => "TipLine: acknowledged. Thank you; alerts for this tip have stopped.",
                ReplyOutcome.AcknowledgedSeveral => "TipLine: acknowledged. Thank you; alerts for these tips have stopped.",
                ReplyOutcome.AlreadyAcknowledged => "TipLine: this tip was already acknowledged.",
                _ => "TipLine: no alert to you matches that code. Open the link in the alert instead.",
            }).ToResult();
        });

        webhooks.MapPost(StatusPath, async (HttpRequest request, AlertStatusUpdates updates,
            CancellationToken ct) =>
        {
            var parsed = MessageStatus.FromForm(await request.ReadFormAsync(ct));
            if (!parsed.IsValid) return Results.BadRequest(parsed.Error);
            await updates.ApplyAsync(parsed.Value, ct);
            return Results.NoContent();
        });
        return endpoints;
    }
}
