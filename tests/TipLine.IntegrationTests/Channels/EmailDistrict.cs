using MimeKit;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>
/// A running district with two tip mailboxes on the test mail server: Lincoln High's, and a district one that serves every
/// school. Fresh mailboxes for every test; mail to reporters goes out through the test SMTP server into their own mailboxes.
/// </summary>
public abstract class EmailDistrict : IAsyncLifetime
{
    protected MailServer Mail { get; private set; } = null!;
    protected AppEnvironment Environment { get; private set; } = null!;
    protected TipLineApp App { get; private set; } = null!;

    protected string LincolnTips { get; } = MailServer.NewUser("lincoln-tips", "tips.test");
    protected string DistrictTips { get; } = MailServer.NewUser("district-tips", "tips.test");

    /// <summary>The folder of Lincoln's mailbox that tips arrive in.</summary>
    protected virtual string TipFolder => "INBOX";

    protected virtual IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Mail = await MailServer.GetAsync();
        Environment = await AppEnvironment.CreateAsync();
        App = await StartAppAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Environment.DisposeAsync();
    }

    /// <summary>Stops the district's process and starts a new one on the same database, broker and mailboxes.</summary>
    protected async Task RestartAsync()
    {
        await App.DisposeAsync();
        App = await StartAppAsync();
    }

    private Task<TipLineApp> StartAppAsync() => TipLineApp.StartAsync(Environment, settings: new Dictionary<string, string?>
        {
        ["Email:Smtp:Host"] = Mail.SmtpHost,
        ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:RetryBaseDelay"] = "00:00:00.050",
        ["Email:Smtp:RetryMaxDelay"] = "00:00:00.200",
        ["Email:PollInterval"] = "00:00:00.300",
        ["Work:Email:PollInterval"] = "00:00:00.100",
        ["Email:MaxReconnectDelay"] = "00:00:01",
        ["Alerts:EmailFrom"] = "alerts@tips.test",
        ["ReplyNotices:EmailFrom"] = "notices@tips.test",
        ["Alerts:StaffBaseUrl"] = "https://staff.tips.test",
        // Alerts on means escalation on, which signs its acknowledgement links.
        ["Escalation:AckLinkKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }.Concat(Mailbox(0, LincolnTips, DemoDistrict.LincolnHigh, TipFolder)).Concat(Mailbox(1, DistrictTips, null, "INBOX"))
        .Concat(MoreSettings).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), replaceServices: ReplaceServices);

    /// <summary>A test class's additions to the process's services.</summary>
    protected virtual void ReplaceServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    private Dictionary<string, string?> Mailbox(int index, string user, Guid? school, string folder) => new()
    {
        [$"Email:Mailboxes:{index}:Host"] = Mail.ImapHost,
        [$"Email:Mailboxes:{index}:Port"] = Mail.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Email:Mailboxes:{index}:Security"] = "None",
        [$"Email:Mailboxes:{index}:Username"] = user,
        [$"Email:Mailboxes:{index}:Password"] = MailServer.Password,
        [$"Email:Mailboxes:{index}:SchoolId"] = school?.ToString(),
        [$"Email:Mailboxes:{index}:Address"] = user,
        [$"Email:Mailboxes:{index}:Folder"] = folder,
        [$"Email:Mailboxes:{index}:AuthServId"] = ReceivingServer,
    };

    /// <summary>The authserv-id of the tip mailboxes' receiving server, as its Authentication-Results headers name it.</summary>
    protected const string ReceivingServer = "mx.tips.test";

    /// <summary>
    /// A mail as a reporter's client writes it (a display name, a Message-ID, plain text), as the receiving server delivers it:
    /// with its verdict on the sender, DMARC passed unless <paramref name="dmarc"/> says otherwise.
    /// </summary>
    protected static MimeMessage Tip(string from, string to, string subject, string text, string fromName = "Maria Gonzalez", string dmarc = "pass")
    {
        var message = new MimeMessage
        {
            Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("client.example"), Body = new TextPart("plain") { Text = text },
        };
        message.From.Add(new MailboxAddress(fromName, from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Authentication-Results", $"{ReceivingServer}; spf=pass smtp.mailfrom={from}; dmarc={dmarc} header.from={from.Split('@')[^1]}");
        return message;
    }

    protected Task<long> CountAsync(string table) => App.Database.ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
