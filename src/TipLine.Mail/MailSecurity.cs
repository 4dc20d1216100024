using MailKit.Security;

namespace TipLine.Mail;

/// <summary>How a mail connection is secured, as written in configuration.</summary>
public enum MailSecurity
{
    /// <summary>TLS from the first byte (IMAP 993, SMTP 465).</summary>
    SslOnConnect,

    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (IMAP 143, SMTP 587).</summary>
    StartTls,

    /// <summary>No TLS at all: only for a server on the same machine or in tests.</summary>
    None,
}

public static class MailSecurityExtensions
{
    public static SecureSocketOptions ToSocketOptions(this MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };
}
