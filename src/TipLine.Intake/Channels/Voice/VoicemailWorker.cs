using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Intake.Channels.Voice;

/// <summary>Works through queued recordings one at a time (transcription and sox are CPU-heavy).</summary>
public sealed class VoicemailWorker(
    IServiceScopeFactory scopes, IOptions<VoicemailIntakeOptions> options, TimeProvider clock, ILogger<VoicemailWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var found = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                found = await scope.ServiceProvider.GetRequiredService<VoicemailProcessor>().ProcessNextAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError("Voicemail worker failed: {Error}: {Message}", e.GetType().Name, e.Message);
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
