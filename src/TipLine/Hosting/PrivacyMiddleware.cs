using Microsoft.AspNetCore.Http;

namespace TipLine.Hosting;

/// <summary>
/// First in the pipeline: forgets the client's IP address so nothing after it (logging, pages,
/// exceptions) can record it, and sets the headers every TipLine page carries.
/// </summary>
public sealed class PrivacyMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
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
