using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using TipLine.Bus.Work;
using TipLine.Contracts;
using TipLine.Intake.Localization;
using TipLine.Intake.Reporters;
using TipLine.Mail;
using TipLine.Twilio.Messages;

namespace TipLine.Intake.Channels.WebForm;

/// <summary>
/// Tells a web reporter, by the text or mail they asked for, that the team has answered: one sentence in their language and
/// the follow-up address, never a word of the report or the answer (SMS and mail are not private). The contact is unsealed
/// only here, at send time. A notice whose send was interrupted after the provider took it can arrive twice.
/// </summary>
internal sealed class ReplyNoticeSender(
    IntakeDbContext db,
    SealedContactStore contacts,
    ReporterKeys reporterKeys,
    IServiceProvider services,
    IStringLocalizer<ReporterText> text,
    IOptions<ReplyNoticeOptions> options,
    ILogger<ReplyNoticeSender> log) : IWorkHandler<PendingReplyNotice>
{
    public const string Kind = "ReplyNotice";

    /// <summary>Longer than one send with its provider's retries (a mail with SMTP retries takes minutes), as for outgoing mail.</summary>
    public static void Defaults(WorkOptions o) => o.Lease = TimeSpan.FromMinutes(10);

    public async Task HandleAsync(PendingReplyNotice notice, CancellationToken ct)
    {
        var settings = options.Value;
        var (words, subject) = Words(notice.Language);
        string outcome;
        if (settings.BySms && await contacts.UnsealAsync(notice.ReportId, ChannelNames.Sms, ct) is { } number)
        {
            // A typed number is not verified: whoever owns it can text STOP, and is never texted again.
            if (await db.SmsOptOuts.AnyAsync(o => o.ReporterKey == reporterKeys.Key(ChannelNames.Sms, number), ct))
            {
                await DoneAsync(notice, "not sent: the number texted STOP");
                return;
            }
            // Resolved only for the way in use: a district that sends notices by email alone has no Twilio settings.
            var twilio = services.GetRequiredService<TwilioMessagesClient>();
            outcome = await twilio.SendAsync(settings.SmsFrom, number, words, statusCallbackUrl: null, ct) switch
            {
                MessageSent => "sent by text",
                MessageRefused refused => $"refused by Twilio ({refused.Code?.ToString(CultureInfo.InvariantCulture) ?? "no code"})",
                // Twilio is down or overloaded: the queue tries again later.
                _ => throw new HttpRequestException("Twilio did not take the notice after its retries."),
            };
        }
        else if (settings.ByEmail && await contacts.UnsealAsync(notice.ReportId, ChannelNames.Email, ct) is { } address)
        {
            var mail = services.GetRequiredService<MailSender>();
            outcome = await mail.SendAsync(Compose(address, subject, words), ct) switch
            {
                MailSent => "sent by email",
                MailRefused refused => $"refused by the mail server ({refused.StatusCode})",
                _ => throw new IOException("The mail server did not take the notice after its retries."),
            };
        }
        else
        {
            outcome = "no contact left (purged, or its way of sending is off)";
        }
        await DoneAsync(notice, outcome);
    }

    private async Task DoneAsync(PendingReplyNotice notice, string outcome)
    {
        db.ReplyNotices.Remove(notice);
        await db.SaveChangesAsync(CancellationToken.None);
        log.LogInformation("Reply notice for report {ReportId}: {Outcome}", notice.ReportId, outcome);
    }

    /// <summary>A notice is a courtesy: the answer still waits at the follow-up page. Giving up is only logged.</summary>
    public Task GiveUpAsync(PendingReplyNotice notice, CancellationToken ct)
    {
        log.LogError("Reply notice for report {ReportId} given up", notice.ReportId);
        return Task.CompletedTask;
    }

    private (string Words, string Subject) Words(string language) =>
        (text.In(language, "ReplyNotice", options.Value.FollowupUrl), text.In(language, "ReplyNoticeSubject"));

    private MimeMessage Compose(string address, string subject, string words)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = words } };
        message.From.Add(MailboxAddress.Parse(options.Value.EmailFrom));
        message.To.Add(MailboxAddress.Parse(address));
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        return message;
    }
}
