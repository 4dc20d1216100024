using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Intake.Reporters;

namespace TipLine.Intake.SafetyNet;

/// <summary>Runs the retention sweep and the unrouted-report sweep on a timer.</summary>
internal sealed class SafetyNetService(
    IServiceScopeFactory scopes, IOptions<SafetyNetOptions> options, TimeProvider clock, ILogger<SafetyNetService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<UnroutedReportSweep>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError("Safety-net sweep failed: {Error}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
