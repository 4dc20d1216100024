using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Intake.Channels.Sms;

/// <summary>Downloads queued MMS files one at a time, so a burst of pictures never floods Twilio or memory.</summary>
public sealed class MmsMediaWorker(
    IServiceScopeFactory scopes, IOptions<MmsOptions> options, TimeProvider clock, ILogger<MmsMediaWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var found = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                found = await scope.ServiceProvider.GetRequiredService<MmsMediaProcessor>().ProcessNextAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError("MMS worker failed: {Error}: {Message}", e.GetType().Name, e.Message);
            }
            if (!found)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
