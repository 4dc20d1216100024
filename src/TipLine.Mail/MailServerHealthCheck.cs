using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TipLine.Mail;

/// <summary>Ready when the mail server answers and completes the configured TLS; it does not sign in.</summary>
public sealed class MailServerHealthCheck(string host, int port, MailSecurity security, bool imap) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using IMailService client = imap ? new ImapClient() : new SmtpClient();
        client.Timeout = 5000;
        try
        {
            await client.ConnectAsync(host, port, security.ToSocketOptions(), cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.Security.SslHandshakeException
            or ProtocolException or TimeoutException or OperationCanceledException)
        {
            // The type only: a message may name hosts or accounts.
            return new HealthCheckResult(context.Registration.FailureStatus, e.GetType().Name);
        }
    }
}
