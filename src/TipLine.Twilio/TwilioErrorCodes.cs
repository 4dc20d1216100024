namespace TipLine.Twilio;

/// <summary>The Twilio error codes our logic depends on (https://www.twilio.com/docs/api/errors).</summary>
public static class TwilioErrorCodes
{
    /// <summary>Too many concurrent requests: never processed, always safe to retry.</summary>
    public const int TooManyRequests = 20429;

    /// <summary>The recipient texted STOP: nothing reaches them until they text START.</summary>
    public const int Unsubscribed = 21610;

    /// <summary>Twilio or the carrier filtered the message as unwanted; resending the same message will not help.</summary>
    public const int MessageFiltered = 30007;
}
