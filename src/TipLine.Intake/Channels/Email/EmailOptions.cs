using System.ComponentModel.DataAnnotations;
using TipLine.Mail;

namespace TipLine.Intake.Channels.Email;

/// <summary>The email channel (configuration section "Email"): one poller per mailbox; none configured, no pollers.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public List<MailboxOptions> Mailboxes { get; set; } = [];

    /// <summary>How often a server without IDLE is asked for new mail.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>IDLE is re-issued after this long: servers may drop an IDLE after 30 minutes (RFC 2177 asks for under 29).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:28:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(25);

    /// <summary>Longest wait between reconnection attempts (the wait doubles from one second up to this).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attachments larger than this are refused (logged by type and size only).</summary>
    [Range(1, 1L << 30)] public long MaxAttachmentBytes { get; set; } = 10L << 20;

}

/// <summary>One tip mailbox: where to read it, which school it belongs to, and the address replies come from.</summary>
public sealed class MailboxOptions
{
    /// <summary>A stable name for the mailbox; dedupe keys include it. Defaults to Username@Host.</summary>
    public string Name { get; set; } = "";

    [Required] public string Host { get; set; } = "";

    [Range(1, 65535)] public int Port { get; set; } = 993;

    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;

    [Required] public string Username { get; set; } = "";

    [Required] public string Password { get; set; } = "";

    /// <summary>The school this mailbox is for; empty for a district mailbox (the mail must name the school's code).</summary>
    public Guid? SchoolId { get; set; }

    /// <summary>The tip address acknowledgements and questions are sent from, e.g. tips@lincoln.district.org.</summary>
    [Required, EmailAddress] public string Address { get; set; } = "";

    /// <summary>
    /// The authserv-id this mailbox's receiving server writes in its Authentication-Results headers (e.g. mx.google.com).
    /// Only a sender its DMARC check passed is answered and threaded; empty, no sender is (tips are still accepted).
    /// </summary>
    public string AuthServId { get; set; } = "";

    public string Folder { get; set; } = "INBOX";

    /// <summary>Handled mail is moved here (created if missing), so the inbox holds only what is still to do.</summary>
    public string ProcessedFolder { get; set; } = "Processed";

    public string Key => Name.Length > 0 ? Name : $"{Username}@{Host}";
}
