using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace TipLine.Mail;

/// <summary>The one place that decides which SMTP failures are worth another try.</summary>
public static class SmtpRetry
{
    /// <summary>
    /// Connection trouble and 4xx answers are transient (the server said "later"); 5xx answers, failed authentication and
    /// TLS that cannot be negotiated are permanent. Anything unknown is treated as permanent, so it is seen, not hidden by retries.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        AuthenticationException or SslHandshakeException => false,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The SMTP status code an exception carries, if any.</summary>
    public static int? StatusCode(Exception e) => e is SmtpCommandException command ? (int)command.StatusCode : null;
}
