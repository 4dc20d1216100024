using System.ComponentModel.DataAnnotations;

namespace TipLine.Mail;

/// <summary>The SMTP server every outgoing mail goes through (configuration section "Email:Smtp").</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    [Required] public string Host { get; set; } = "";

    [Range(1, 65535)] public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Empty: no authentication (a relay that trusts this host).</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Retries after the first attempt, for connection errors and 4xx answers. 0 turns retries off.</summary>
    [Range(0, 10)] public int MaxRetryAttempts { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bounds each network operation of one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
