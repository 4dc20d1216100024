using System.ComponentModel.DataAnnotations;

namespace TipLine.Bus;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;
    public RabbitMqOptions RabbitMq { get; set; } = new();
}

public sealed class RabbitMqOptions
{
    [Required] public string Host { get; set; } = "localhost";
    [Range(1, 65535)] public ushort Port { get; set; } = 5672;
    [Required] public string VirtualHost { get; set; } = "/";
    [Required] public string Username { get; set; } = "guest";
    [Required] public string Password { get; set; } = "guest";

    /// <summary>
    /// The broker's management HTTP API (e.g. http://rabbitmq:15672), through which TipLine sets the retention policy of
    /// its error and skipped queues at start. Empty: no policy is set (apply it with rabbitmqctl: see the README).
    /// </summary>
    public string ManagementUrl { get; set; } = "";

    /// <summary>
    /// How long a message parked in an error or skipped queue is kept (it holds tip text). At most 49 days, RabbitMQ's
    /// limit for a message TTL; keep it no longer than the reports' retention.
    /// </summary>
    public TimeSpan ErrorQueueRetention { get; set; } = TimeSpan.FromDays(30);

    public static readonly TimeSpan LongestRetention = TimeSpan.FromMilliseconds(uint.MaxValue);

    /// <summary>The settings' problems, in words an operator can act on; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (ErrorQueueRetention < TimeSpan.FromSeconds(1) || ErrorQueueRetention > LongestRetention)
            yield return $"Bus:RabbitMq:ErrorQueueRetention ({ErrorQueueRetention}) must be between 1 second and 49 days (RabbitMQ's longest message TTL).";
        if (ManagementUrl.Length > 0 && !(Uri.TryCreate(ManagementUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            yield return $"Bus:RabbitMq:ManagementUrl must be the http(s) address of RabbitMQ's management API, e.g. http://rabbitmq:15672.";
    }
}
