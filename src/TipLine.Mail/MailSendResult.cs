namespace TipLine.Mail;

/// <summary>What became of one outgoing mail. Never carries an address.</summary>
public abstract record MailSendResult;

/// <summary>The server accepted the mail for delivery (a later bounce may still come back).</summary>
public sealed record MailSent(string MessageId) : MailSendResult;

/// <summary>The server refused it for good (5xx) or the settings cannot work (authentication, TLS): no retry helps.</summary>
public sealed record MailRefused(int? StatusCode, string Reason) : MailSendResult;

/// <summary>Still failing (connection errors, 4xx) after every retry.</summary>
public sealed record MailFailedAfterRetries(int? StatusCode, string Reason) : MailSendResult;
