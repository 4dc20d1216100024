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
}
