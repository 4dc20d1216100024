using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace TipLine.Mail;

/// <summary>
/// Sends one mail through the configured SMTP server: a fresh connection per attempt, retried with exponential backoff and
/// jitter while the failure is transient (<see cref="SmtpRetry"/>). Logs failure types and status codes, never addresses or content.
/// </summary>
public sealed class MailSender(IOptions<SmtpOptions> options, ILogger<MailSender> log)
{
    public async Task<MailSendResult> SendAsync(MimeMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(message.MessageId)) message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        var pipeline = Pipeline(settings);
        try
        {
            await pipeline.ExecuteAsync(async token => await SendOnceAsync(settings, message, token), ct);
            return new MailSent(message.MessageId);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            var code = SmtpRetry.StatusCode(e);
            log.LogWarning("Mail {MessageId} not sent: {Error} {StatusCode}", message.MessageId, e.GetType().Name, code);
            return SmtpRetry.IsTransient(e)
                ? new MailFailedAfterRetries(code, e.GetType().Name)
                : new MailRefused(code, e.GetType().Name);
        }
    }

    private static async Task SendOnceAsync(SmtpOptions settings, MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security.ToSocketOptions(), ct);
        if (settings.Username.Length > 0) await client.AuthenticateAsync(settings.Username, settings.Password, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private ResiliencePipeline Pipeline(SmtpOptions settings)
    {
        var builder = new ResiliencePipelineBuilder();
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(SmtpRetry.IsTransient),
                OnRetry = args =>
                {
                    log.LogInformation("SMTP attempt {Attempt} failed: {Error} {StatusCode}; retrying", args.AttemptNumber + 1,
                        args.Outcome.Exception?.GetType().Name, args.Outcome.Exception is { } e ? SmtpRetry.StatusCode(e) : null);
                    return default;
                },
            });
        }
        return builder.Build();
    }
}
