using MassTransit;

namespace TipLine.Bus;

/// <summary>
/// The one retry policy for every consumer: a few quick retries for passing faults (a lock, a
/// restarting database), then the message faults to the error queue. Nothing is caught and acked.
/// </summary>
public sealed class RetryingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2000, 5000));
}

public static class ConsumerRegistrationExtensions
{
    public static void AddRetryingConsumer<TConsumer>(this IBusRegistrationConfigurator bus) where TConsumer : class, IConsumer =>
        bus.AddConsumer<TConsumer, RetryingConsumerDefinition<TConsumer>>();

    public static void AddRetryingConsumers(this IBusRegistrationConfigurator bus, IEnumerable<Type> consumers)
    {
        foreach (var consumer in consumers) bus.AddConsumer(consumer, typeof(RetryingConsumerDefinition<>).MakeGenericType(consumer));
    }
}
