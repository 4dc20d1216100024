using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TipLine.Twilio.Messages;

/// <summary>The one place that decides what is retried against Twilio, and the pipeline that does it.</summary>
public static class TwilioRetry
{
    /// <summary>
    /// 20429 (any status), 429 and 5xx are worth another try; an opt-out (21610) or a filtered message (30007)
    /// never is, whatever status carried it.
    /// </summary>
    public static bool IsTransient(HttpStatusCode status, int? code)
    {
        if (code is TwilioErrorCodes.Unsubscribed or TwilioErrorCodes.MessageFiltered) return false;
        return code == TwilioErrorCodes.TooManyRequests || status == HttpStatusCode.TooManyRequests || (int)status >= 500;
    }

    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken ct)
    {
        if (outcome.Exception is { } exception) return exception is HttpRequestException or TimeoutRejectedException;
        if (outcome.Result is not { IsSuccessStatusCode: false } response) return false;
        var error = await TwilioApiError.ReadAsync(response, ct);
        return IsTransient(response.StatusCode, error?.Code);
    }

    /// <summary>Total timeout, then exponential retries with jitter (honouring Retry-After), then a timeout per attempt.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TwilioOptions options)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
            });
        }
        pipeline.AddTimeout(options.AttemptTimeout);
    }
}
