using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;
using TipLine.IntegrationTests.Infrastructure;

namespace TipLine.IntegrationTests.Channels;

/// <summary>
/// The test mail server (Dovecot, with OpenSMTPD delivering into it) seen as its users see it: appending mail to a mailbox as
/// if it had arrived, reading what arrived in a reporter's mailbox. Every user name is a fresh mailbox; the password is shared.
/// </summary>
public sealed class MailServer(string imap, string smtp)
{
    public const string Password = "tipline-test";

    public string ImapHost => imap.Split(':')[0];
    public int ImapPort => int.Parse(imap.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
    public string SmtpHost => smtp.Split(':')[0];
    public int SmtpPort => int.Parse(smtp.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<MailServer> GetAsync()
    {
        var services = await TestServices.GetAsync();
        if (services.Imap is null || services.Smtp is null)
        {
            throw new InvalidOperationException("TIPLINE_TEST_IMAP and TIPLINE_TEST_SMTP are not set: run the tests through infra/test.sh.");
        }
        return new MailServer(services.Imap, services.Smtp);
    }

    public static string NewUser(string prefix, string domain) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)] + "@" + domain;

    public async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync(ImapHost, ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    /// <summary>Puts a mail into a user's folder (created if missing), as delivery would, optionally as delivered at another time.</summary>
    public async Task AppendAsync(string user, MimeMessage message, string folder = "INBOX", DateTimeOffset? delivered = null)
    {
        using var client = await ConnectAsync(user);
        var target = (await FolderAsync(client, folder, create: true))!;
        if (delivered is { } at) await target.AppendAsync(new AppendRequest(message, MessageFlags.None, at));
        else await target.AppendAsync(message);
        await client.DisconnectAsync(true);
    }

    public async Task<int> CountAsync(string user, string folder)
    {
        using var client = await ConnectAsync(user);
        var target = await FolderAsync(client, folder, create: false);
        if (target is null) return 0;
        await target.OpenAsync(FolderAccess.ReadOnly);
        var count = (await target.SearchAsync(SearchQuery.NotDeleted)).Count;
        await client.DisconnectAsync(true);
        return count;
    }

    /// <summary>Every mail in a user's folder, oldest first.</summary>
    public async Task<List<MimeMessage>> MessagesAsync(string user, string folder = "INBOX")
    {
        using var client = await ConnectAsync(user);
        var target = await FolderAsync(client, folder, create: false);
        var messages = new List<MimeMessage>();
        if (target is null) return messages;
        await target.OpenAsync(FolderAccess.ReadOnly);
        foreach (var uid in await target.SearchAsync(SearchQuery.NotDeleted)) messages.Add(await target.GetMessageAsync(uid));
        await client.DisconnectAsync(true);
        return messages;
    }

    public Task<List<MimeMessage>> WaitForMessagesAsync(string user, int count, string what) =>
        Eventually.GetAsync(async () => await MessagesAsync(user) is { } m && m.Count >= count ? m : null, what: what);

    /// <summary>Deletes a folder and creates it again: the server gives it a new UIDVALIDITY, as after a migration or restore.</summary>
    public async Task<(uint Before, uint After)> RecreateAsync(string user, string folder)
    {
        using var client = await ConnectAsync(user);
        var old = (await FolderAsync(client, folder, create: false))!;
        await old.OpenAsync(FolderAccess.ReadOnly);
        var before = old.UidValidity;
        await old.CloseAsync();
        await old.DeleteAsync();
        await Task.Delay(1100); // Dovecot derives UIDVALIDITY from the clock: a new second gives a new value
        var created = (await client.GetFolder(client.PersonalNamespaces[0])!.CreateAsync(folder, true))!;
        await created.OpenAsync(FolderAccess.ReadOnly);
        var after = created.UidValidity;
        await client.DisconnectAsync(true);
        return (before, after);
    }

    private static async Task<IMailFolder?> FolderAsync(ImapClient client, string folder, bool create)
    {
        if (folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase)) return client.Inbox;
        try
        {
            return await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException) when (create)
        {
            return await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(folder, true);
        }
        catch (FolderNotFoundException)
        {
            return null;
        }
    }
}
