using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TipLine.Twilio;

/// <summary>
/// The one gate in front of every Twilio webhook (SMS, status callbacks, voice, recordings, alert replies): a small body
/// limit before the form is read (413), Twilio's signature (403), and our account (403). Nothing is done for a request
/// that fails any of them.
/// </summary>
public sealed class TwilioWebhookFilter(IOptions<TwilioOptions> options) : IEndpointFilter
{
    /// <summary>Twilio's webhook forms are a few kilobytes (an SMS body is at most 1,600 characters).</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        var twilio = options.Value;
        try
        {
            if (!await TwilioWebhookRequest.IsSignedAsync(request, twilio, http.RequestAborted)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        // A webhook that names another Twilio account is refused.
        if (request.HasFormContentType && (await request.ReadFormAsync(http.RequestAborted))["AccountSid"].ToString() is { Length: > 0 } account
            && account != twilio.AccountSid)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        return await next(context);
    }
}

public static class TwilioWebhookFilterExtensions
{
    /// <summary>Puts <see cref="TwilioWebhookFilter"/> in front of every endpoint of the group, and keeps them out of antiforgery and OpenAPI.</summary>
    public static RouteGroupBuilder MapTwilioWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");
        group.AddEndpointFilter<TwilioWebhookFilter>().DisableAntiforgery().ExcludeFromDescription();
        return group;
    }
}
