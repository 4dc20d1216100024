using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TipLine.Intake.Channels.Email;
using TipLine.Mail;

namespace TipLine.Hosting;

/// <summary>
/// <c>/healthz</c>: the process is alive. <c>/readyz</c>: what it depends on answers: PostgreSQL and the bus (MassTransit's
/// own check) or it is not ready; the translation servers (APY, LibreTranslate) and mail servers, when configured, degrade it (tips still flow).
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";

    public static IServiceCollection AddTipLineHealth(this IServiceCollection services, IConfiguration configuration, Targets targets)
    {
        var checks = services.AddHealthChecks();
        var database = configuration.GetConnectionString("TipLine") ?? throw new InvalidOperationException("ConnectionStrings:TipLine is not configured.");
        checks.AddNpgSql(database, name: "postgresql", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        if (targets.Routing && configuration["Translation:ApyBaseUrl"] is { Length: > 0 } apy)
        {
            checks.AddUrlGroup(new Uri(apy.TrimEnd('/') + "/listPairs"), "translation", HealthStatus.Degraded, [Ready], TimeSpan.FromSeconds(5));
        }
        if (targets.Routing && configuration["Translation:LibreTranslate:BaseUrl"] is { Length: > 0 } libre)
        {
            checks.AddUrlGroup(new Uri(libre.TrimEnd('/') + "/languages"), "translation-libretranslate", HealthStatus.Degraded, [Ready], TimeSpan.FromSeconds(5));
        }
        if (targets.Intake)
        {
            var mailboxes = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.Mailboxes ?? [];
            for (var i = 0; i < mailboxes.Count; i++)
            {
                var box = mailboxes[i];
                checks.Add(new HealthCheckRegistration($"imap-{i}", _ => new MailServerHealthCheck(box.Host, box.Port, box.Security, imap: true),
                    HealthStatus.Degraded, [Ready], TimeSpan.FromSeconds(10)));
            }
        }
        if (configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() is { Host.Length: > 0 } smtp)
        {
            checks.Add(new HealthCheckRegistration("smtp", _ => new MailServerHealthCheck(smtp.Host, smtp.Port, smtp.Security, imap: false),
                HealthStatus.Degraded, [Ready], TimeSpan.FromSeconds(10)));
        }
        return services;
    }

    public static IEndpointRouteBuilder MapTipLineHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return endpoints;
    }

    /// <summary>Each check's name, status and time; never a description or an exception, which could name hosts or accounts.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), ms = (int)e.Value.Duration.TotalMilliseconds }),
        }));
    }
}
