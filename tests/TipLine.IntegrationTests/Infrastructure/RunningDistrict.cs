using Xunit;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>A district with every target in one process, fresh for each test class.</summary>
public abstract class RunningDistrict : IAsyncLifetime
{
    protected AppEnvironment Environment { get; private set; } = null!;
    protected TipLineApp App { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Environment = await AppEnvironment.CreateAsync();
        App = await TipLineApp.StartAsync(Environment, settings: Settings);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Environment.DisposeAsync();
    }
}
