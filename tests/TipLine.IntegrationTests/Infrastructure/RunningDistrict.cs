using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>A district with every target in one process, fresh for each test class.</summary>
public abstract class RunningDistrict : IAsyncLifetime
{
    protected AppEnvironment Environment { get; private set; } = null!;
    protected TipLineApp App { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services a test class puts in place of the real ones (registered last, so they win).</summary>
    protected virtual void ReplaceServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Environment = await AppEnvironment.CreateAsync();
        App = await TipLineApp.StartAsync(Environment, settings: Settings, replaceServices: ReplaceServices);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Environment.DisposeAsync();
    }
}
