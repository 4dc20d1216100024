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

    /// <summary>
    /// Whether the pipeline tries <paramref name="request"/> again. A request that creates a message is tried again only
    /// when Twilio certainly did not create it: a 429 (or 20429), or a connection that was never made. After a timeout, a
    /// dropped connection or a 5xx the text may exist, so the caller's work queue decides, asking Twilio first
    /// (<see cref="TwilioMessagesClient.FindSentAsync"/>) rather than sending it twice. Reads, deletions and redactions
    /// (which change nothing when repeated) are tried again on any transient failure.
    /// </summary>
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, CancellationToken ct)
    {
        var createsMessage = request?.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/Messages.json", StringComparison.Ordinal) == true;
        if (outcome.Exception is { } exception)
        {
            return createsMessage ? NeverConnected(exception) : exception is HttpRequestException or TimeoutRejectedException;
        }
        if (outcome.Result is not { IsSuccessStatusCode: false } response) return false;
        var error = await TwilioApiError.ReadAsync(response, ct);
        if (createsMessage) return error?.Code is not (TwilioErrorCodes.Unsubscribed or TwilioErrorCodes.MessageFiltered)
            && (response.StatusCode == HttpStatusCode.TooManyRequests || error?.Code == TwilioErrorCodes.TooManyRequests);
        return IsTransient(response.StatusCode, error?.Code);
    }

    /// <summary>The connection was refused or the name did not resolve: nothing reached Twilio.</summary>
    private static bool NeverConnected(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

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
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.GetRequestMessage(), args.Context.CancellationToken),
            });
        }
        pipeline.AddTimeout(options.AttemptTimeout);
    }
}
