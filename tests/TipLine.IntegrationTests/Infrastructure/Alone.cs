using Xunit;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that change the servers every test shares (stopping RabbitMQ), or listen process-wide (OpenTelemetry). xunit
/// runs this collection after the parallel ones, with nothing beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "Alone with the shared servers";
}
