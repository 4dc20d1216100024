namespace TipLine.Twilio.Messages;

/// <summary>What became of a send: <see cref="MessageSent"/>, <see cref="MessageRefused"/> or <see cref="MessageTransientFailure"/>.</summary>
public abstract record MessageSendResult;

/// <summary>Twilio accepted the message; delivery is reported later to the StatusCallback.</summary>
public sealed record MessageSent(string Sid, string Status) : MessageSendResult;

/// <summary>Twilio refused the message for good: sending it again would be refused again.</summary>
public sealed record MessageRefused(int? Code, string Message, int HttpStatus) : MessageSendResult
{
    /// <summary>The recipient texted STOP (21610): do not message them again until they text START.</summary>
    public bool RecipientOptedOut => Code == TwilioErrorCodes.Unsubscribed;
}

/// <summary>
/// Still failing after every retry (429, 5xx, 20429, timeouts, network). The message may be tried again later;
/// after a timeout or 5xx it may also have gone out once already.
/// </summary>
public sealed record MessageTransientFailure(int? Code, string Message, int? HttpStatus) : MessageSendResult;
