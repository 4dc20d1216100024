namespace TipLine.Twilio.Messages;

/// <summary>A downloaded MMS attachment or call recording.</summary>
public sealed record TwilioMedia(byte[] Content, string ContentType);
