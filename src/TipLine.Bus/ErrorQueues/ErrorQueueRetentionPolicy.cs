using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TipLine.Bus.ErrorQueues;

/// <summary>
/// A message that failed every retry waits in its consumer's error queue (MassTransit's <c>&lt;queue&gt;_error</c>), one
/// without a consumer in <c>_skipped</c>, with the tip text it carries. Those queues get a RabbitMQ policy that expires
/// messages after <see cref="RabbitMqOptions.ErrorQueueRetention"/>, set through the management API at start (and tried
/// again until the API answers). A policy, not a queue argument: it applies to queues that already exist, and changes
/// without redeclaring them.
/// </summary>
internal sealed class ErrorQueueRetentionPolicy(BusOptions options, TimeProvider clock, ILogger<ErrorQueueRetentionPolicy> log) : BackgroundService
{
    public const string Name = "tipline-error-retention";
    public const string Pattern = "^tipline-.*_(error|skipped)$";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Transport != BusTransport.RabbitMq) return;
        var rabbit = options.RabbitMq;
        if (rabbit.ManagementUrl.Length == 0)
        {
            log.LogWarning("Bus:RabbitMq:ManagementUrl is not set: error queues keep failed messages (with tip text) until they are deleted. "
                + "Set it, or apply the policy {Policy} with rabbitmqctl (see the README)", Name);
            return;
        }
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ApplyAsync(rabbit, stoppingToken);
                log.LogInformation("Error and skipped queues expire messages after {Retention}", rabbit.ErrorQueueRetention);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("The error-queue retention policy could not be set yet: {Error}", e.GetType().Name);
            }
            await Task.Delay(delay, clock, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
        }
    }

    private static async Task ApplyAsync(RabbitMqOptions rabbit, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(rabbit.ManagementUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rabbit.Username}:{rabbit.Password}")));
        var policy = new Dictionary<string, object>
        {
            ["pattern"] = Pattern,
            ["apply-to"] = "queues",
            ["priority"] = 1,
            ["definition"] = new Dictionary<string, object> { ["message-ttl"] = (long)rabbit.ErrorQueueRetention.TotalMilliseconds },
        };
        using var response = await http.PutAsJsonAsync($"api/policies/{Uri.EscapeDataString(rabbit.VirtualHost)}/{Name}", policy, ct);
        response.EnsureSuccessStatusCode();
    }
}
