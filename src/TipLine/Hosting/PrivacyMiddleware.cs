using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TipLine.Intake.Channels.WebForm;

namespace TipLine.Hosting;

/// <summary>
/// First in the pipeline: forgets the client's IP address (and any header a proxy put it in) so nothing after it (logging,
/// pages, exceptions) can record it, and sets the headers every TipLine page carries.
/// </summary>
public sealed class PrivacyMiddleware(RequestDelegate next, TrustedProxies proxies, ILogger<PrivacyMiddleware> log)
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly string[] ForwardingHeaders =
        ["X-Forwarded-For", "X-Forwarded-Proto", "Forwarded", "X-Real-IP", "X-Original-For", "X-Client-IP"];

    public Task InvokeAsync(HttpContext context)
    {
        // The one use of the address: a keyed, rotating hash the web form's rate limit counts under (intake only).
        context.RequestServices.GetService<ClientKeys>()?.Remember(context, proxies.ClientOf(context, log));
        proxies.ApplyScheme(context);
        foreach (var header in ForwardingHeaders) context.Request.Headers.Remove(header);
        context.Connection.RemoteIpAddress = null;
        context.Connection.RemotePort = 0;
        var headers = context.Response.Headers;
        context.Response.OnStarting(() =>
        {
            if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
