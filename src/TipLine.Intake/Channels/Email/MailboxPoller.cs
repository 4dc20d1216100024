using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Intake.Reporters;
using TipLine.Mail;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// Reads one tip mailbox for as long as the process runs: IMAP IDLE where the server has it (re-issued before the server's
/// 30 minutes), polling otherwise; reconnects with a doubling wait. Each mail is committed (<see cref="EmailIntake"/>) and only
/// then moved to the Processed folder, so a mail whose commit failed stays in the inbox and is tried again.
/// </summary>
internal sealed class MailboxPoller(
    MailboxOptions mailbox,
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    IOptionsMonitor<PrivacyOptions> privacy,
    TimeProvider clock,
    ILogger<MailboxPoller> log) : BackgroundService
{
    /// <summary>How often handled mail past the retention period is looked for (on a fresh connection).</summary>
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromDays(1);

    private DateTimeOffset nextPurgeAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(mailbox.AuthServId))
        {
            log.LogWarning("Mailbox {Mailbox} has no AuthServId: no sender can be verified, so its tips are accepted but never answered by email",
                mailbox.Key);
        }
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new ImapClient { Timeout = 60_000 };
                await client.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.Security.ToSocketOptions(), stoppingToken);
                await client.AuthenticateAsync(mailbox.Username, mailbox.Password, stoppingToken);
                delay = TimeSpan.FromSeconds(1);
                await ReadAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning("Mailbox {Mailbox}: {Error}; reconnecting in {Delay}", mailbox.Key, e.GetType().Name, delay);
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxReconnectDelay.Ticks));
            }
        }
    }

    /// <summary>One connection's life: a full pass over the inbox, then passes over new mail whenever the server signals some.</summary>
    private async Task ReadAsync(ImapClient client, CancellationToken ct)
    {
        var processed = await ProcessedFolderAsync(client, ct);
        if (clock.GetUtcNow() >= nextPurgeAt) await PurgeProcessedAsync(client, processed, ct);
        var inbox = mailbox.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(mailbox.Folder, ct);
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var cursor = await CursorAsync(inbox.UidValidity, ct);
        // The server may announce new mail during any command of a pass, not only during IDLE: remember it, so it is never missed.
        var changed = false;
        CancellationTokenSource? idle = null;
        void OnCountChanged(object? sender, EventArgs e)
        {
            changed = true;
            idle?.Cancel();
        }
        inbox.CountChanged += OnCountChanged;
        try
        {
            var sweep = true;
            while (!ct.IsCancellationRequested)
            {
                // Once a day the connection starts again, and with it the purge of old handled mail.
                if (clock.GetUtcNow() >= nextPurgeAt) return;
                changed = false;
                var (last, failures) = await PassAsync(client, inbox, processed, sweep ? 0 : cursor, ct);
                if (last > cursor) await SaveCursorAsync(inbox.UidValidity, cursor = last, ct);
                // After a failure the whole inbox is read again, soon: the mail that failed is still there.
                sweep = failures > 0;
                if (changed && !sweep) continue;
                if (sweep || !client.Capabilities.HasFlag(ImapCapabilities.Idle))
                {
                    await Task.Delay(options.Value.PollInterval, clock, ct);
                    await client.NoOpAsync(ct);
                    continue;
                }
                using (idle = new CancellationTokenSource(options.Value.IdleRefresh))
                {
                    await client.IdleAsync(idle.Token, ct);
                }
                idle = null;
            }
        }
        finally
        {
            inbox.CountChanged -= OnCountChanged;
        }
    }

    /// <summary>Handles every mail above <paramref name="after"/> (0: everything still in the inbox), in UID order.</summary>
    private async Task<(uint Last, int Failures)> PassAsync(ImapClient client, IMailFolder inbox, IMailFolder processed, uint after, CancellationToken ct)
    {
        var query = after == 0 ? SearchQuery.NotDeleted : SearchQuery.Uids(new UniqueIdRange(new UniqueId(after + 1), UniqueId.MaxValue)).And(SearchQuery.NotDeleted);
        var uids = (await inbox.SearchAsync(query, ct)).Where(u => u.Id > after).OrderBy(u => u.Id).ToList();
        uint last = after;
        var failures = 0;
        foreach (var uid in uids)
        {
            var message = await inbox.GetMessageAsync(uid, ct);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<EmailIntake>().HandleAsync(mailbox, inbox.UidValidity, uid.Id, message, ct);
                log.LogInformation("Mail {Uid} in {Mailbox}: {Outcome}", uid.Id, mailbox.Key, outcome);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is not (ImapProtocolException or IOException))
            {
                // Not committed: it stays in the inbox and is tried again on the next pass.
                log.LogError("Mail {Uid} in {Mailbox} not accepted: {Error}", uid.Id, mailbox.Key, e.GetType().Name);
                failures++;
                continue;
            }
            await MoveAsync(client, inbox, processed, uid, ct);
            last = Math.Max(last, uid.Id);
        }
        return (last, failures);
    }

    /// <summary>
    /// Handled mail keeps its sender's address, headers and attachments: once it was delivered longer ago than the contact
    /// retention period, it is deleted from the Processed folder, by \Deleted and UID EXPUNGE of those UIDs only. A failure
    /// here is logged and waits for the next day's try: it must never keep new tips from being read.
    /// </summary>
    private async Task PurgeProcessedAsync(ImapClient client, IMailFolder processed, CancellationToken ct)
    {
        nextPurgeAt = clock.GetUtcNow() + PurgeEvery;
        try
        {
            await PurgeOldMailAsync(client, processed, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Mailbox {Mailbox}: handled mail past retention not deleted: {Error}; tried again in a day", mailbox.Key, e.GetType().Name);
        }
    }

    private async Task PurgeOldMailAsync(ImapClient client, IMailFolder processed, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddDays(-privacy.CurrentValue.ContactRetentionDays);
        await processed.OpenAsync(FolderAccess.ReadWrite, ct);
        try
        {
            var old = await processed.SearchAsync(SearchQuery.DeliveredBefore(cutoff.UtcDateTime).And(SearchQuery.NotDeleted), ct);
            if (old.Count > 0 && !client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
            {
                log.LogWarning("Mailbox {Mailbox}: {Count} handled mails are past retention, but the server cannot expunge them alone (no UIDPLUS)",
                    mailbox.Key, old.Count);
            }
            else if (old.Count > 0)
            {
                await processed.AddFlagsAsync(old, MessageFlags.Deleted, silent: true, ct);
                await processed.ExpungeAsync(old, ct);
                log.LogInformation("Mailbox {Mailbox}: {Count} handled mails past retention deleted", mailbox.Key, old.Count);
            }
        }
        finally
        {
            await processed.CloseAsync(expunge: false, ct);
        }
    }

    /// <summary>MOVE where the server has it; else COPY, \Deleted and UID EXPUNGE of this UID only. Never a plain EXPUNGE.</summary>
    private static async Task MoveAsync(ImapClient client, IMailFolder inbox, IMailFolder processed, UniqueId uid, CancellationToken ct)
    {
        if (client.Capabilities.HasFlag(ImapCapabilities.Move))
        {
            await inbox.MoveToAsync(uid, processed, ct);
            return;
        }
        await inbox.CopyToAsync(uid, processed, ct);
        await inbox.AddFlagsAsync(uid, MessageFlags.Deleted, silent: true, ct);
        // Without UIDPLUS the copy stays flagged \Deleted in the inbox (searches skip it) rather than expunging others' deletions.
        if (client.Capabilities.HasFlag(ImapCapabilities.UidPlus)) await inbox.ExpungeAsync([uid], ct);
    }

    private async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, CancellationToken ct)
    {
        var root = client.GetFolder(client.PersonalNamespaces[0]) ?? client.Inbox;
        try
        {
            return await client.GetFolderAsync(mailbox.ProcessedFolder, ct);
        }
        catch (FolderNotFoundException)
        {
            log.LogInformation("Mailbox {Mailbox}: creating the processed folder", mailbox.Key);
            return await root.CreateAsync(mailbox.ProcessedFolder, isMessageFolder: true, ct)
                ?? throw new InvalidOperationException("The server did not create the processed folder.");
        }
    }

    /// <summary>The last UID handled under this UIDVALIDITY; a new UIDVALIDITY starts over (dedupe on Message-ID keeps that safe).</summary>
    private async Task<uint> CursorAsync(uint uidValidity, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var cursor = await db.MailboxCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Mailbox == mailbox.Key, ct);
        if (cursor is null || cursor.UidValidity == uidValidity) return (uint)(cursor?.LastUid ?? 0);
        log.LogWarning("Mailbox {Mailbox}: UIDVALIDITY changed ({Old} → {New}); reading the folder from the start", mailbox.Key,
            cursor.UidValidity, uidValidity);
        return 0;
    }

    private async Task SaveCursorAsync(uint uidValidity, uint lastUid, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO intake.email_cursors ("Mailbox", "UidValidity", "LastUid") VALUES ({mailbox.Key}, {(long)uidValidity}, {(long)lastUid})
            ON CONFLICT ("Mailbox") DO UPDATE SET "UidValidity" = excluded."UidValidity", "LastUid" = excluded."LastUid"
            """, ct);
    }
}
