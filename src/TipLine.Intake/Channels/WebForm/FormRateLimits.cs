using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TipLine.Intake.Localization;

namespace TipLine.Intake.Channels.WebForm;

/// <summary>
/// ASP.NET Core's rate limiter on the web form's posts: a limit per client (<see cref="ClientKeys"/>) and one for everyone
/// together. Over either, the reporter gets 429 and a page in their language that says the report was not sent, keeps
/// everything they wrote in a form that sends it again, and says to call 911 in an emergency. Nothing else is limited.
/// </summary>
internal static class FormRateLimits
{
    public static IServiceCollection AddFormRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FormRateLimitOptions>().Bind(configuration.GetSection(FormRateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClientKeys>().AddSingleton<FormLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<FormLimiter>((limiter, form) =>
        {
            limiter.GlobalLimiter = form.Chained;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, ct) => TooManyAsync(context.HttpContext, form.Window, ct);
        });
        return services;
    }

    /// <summary>The reporter pages' posts: /report (a tip) and /report/followup (opening a thread, answering).</summary>
    internal static bool IsFormPost(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/report", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The page answers the post it refused: everything the reporter sent, in hidden fields with a fresh antiforgery token,
    /// and one button to send it again to the same address. The form's submission id comes along, so a tip sent twice is
    /// still one tip.
    /// </summary>
    private static async ValueTask TooManyAsync(HttpContext http, TimeSpan window, CancellationToken ct)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<ReporterText>>();
        var culture = CultureInfo.CurrentUICulture;
        string Html(string key) => WebUtility.HtmlEncode(text[key]);
        var kept = new StringBuilder();
        // A form too large for the page itself is not read back (a flood must not make each refusal costly).
        if (http.Request.HasFormContentType && http.Request.ContentLength is <= IntakeLimits.MaxFormBytes)
        {
            var form = await http.Request.ReadFormAsync(ct);
            foreach (var (name, values) in form)
            {
                if (name == "__RequestVerificationToken") continue;
                foreach (var value in values) kept.Append($"""<input type="hidden" name="{WebUtility.HtmlEncode(name)}" value="{WebUtility.HtmlEncode(value)}">""");
            }
            var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
            kept.Append($"""<input type="hidden" name="{WebUtility.HtmlEncode(tokens.FormFieldName)}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">""");
        }
        var action = WebUtility.HtmlEncode(http.Request.Path + http.Request.QueryString);
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{culture.Name}" dir="{(culture.TextInfo.IsRightToLeft ? "rtl" : "ltr")}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html("TooManyTitle")}</title><link rel="stylesheet" href="/assets/tipline.css"></head>
            <body><main id="main">
            <h1>{Html("TooManyTitle")}</h1>
            <p id="not-sent" role="alert">{Html("TooManyBody")}</p>
            <p id="emergency"><strong>{Html("TooManyEmergency")}</strong></p>
            <form method="post" action="{action}">{kept}<button type="submit">{Html("TooManySendAgain")}</button></form>
            </main></body></html>
            """, ct);
    }
}

/// <summary>
/// The two limiters, owned here so they are disposed with the host. Per client first: a client over its own limit is
/// refused without using up everyone's permits. While everyone's are gone, the per-client step stands aside, so a refusal
/// for everyone does not also use up a client's own permits (a fixed window's permits are not given back).
/// </summary>
internal sealed class FormLimiter : IDisposable
{
    private const string NotLimited = "-";
    private readonly PartitionedRateLimiter<HttpContext> everyone;
    private readonly PartitionedRateLimiter<HttpContext> perClient;

    public FormLimiter(IOptions<FormRateLimitOptions> options)
    {
        var o = options.Value;
        Window = o.Window;
        everyone = PartitionedRateLimiter.Create<HttpContext, string>(http => FormRateLimits.IsFormPost(http)
            ? RateLimitPartition.GetFixedWindowLimiter("everyone", _ => Fixed(o.FormPerWindow, o.Window))
            : RateLimitPartition.GetNoLimiter(NotLimited));
        perClient = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            !FormRateLimits.IsFormPost(http) || everyone.GetStatistics(http)?.CurrentAvailablePermits == 0
                ? RateLimitPartition.GetNoLimiter(NotLimited)
                // Without a key (never expected: PrivacyMiddleware sets it) posts share one limit rather than none.
                : RateLimitPartition.GetFixedWindowLimiter("client:" + (http.Features.Get<ClientKeyFeature>()?.Key ?? "unknown"),
                    _ => Fixed(o.FormPerClientPerWindow, o.Window)));
        Chained = PartitionedRateLimiter.CreateChained(perClient, everyone);
    }

    public TimeSpan Window { get; }

    public PartitionedRateLimiter<HttpContext> Chained { get; }

    public void Dispose()
    {
        Chained.Dispose();
        perClient.Dispose();
        everyone.Dispose();
    }

    private static FixedWindowRateLimiterOptions Fixed(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}
