using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Hosting;
using TipLine.Intake.Reporters;
using TipLine.IntegrationTests.Database;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>
/// Every channel at once, as a district sees a busy day: a web tip with a contact, a text, a picture by MMS, a voicemail
/// and a mail with a picture attached, then questions back. Afterwards nothing the team can open, nothing in the logs,
/// nothing on the bus and nothing stored in plain text anywhere in the database holds a planted phone number, address,
/// name, caller ID, GPS position or device name. And once the retention period has passed (a fake clock), one sweep
/// leaves nothing that could lead back to a reporter, and the tips and cases as they were.
/// </summary>
public sealed class MixedChannelPrivacyTests : SmsDistrict
{
    private const string TypedContact = "+1 (555) 246-8013";
    private const string Texter = "+15552468014";
    private const string PictureTexter = "+15552468015";
    private const string Caller = "+15552468016";
    private const string HeldTexter = "+15552468017";
    private const string CallSid = "CA00000000000000000000000000000abc";
    private const string MediaSid = "ME00000000000000000000000000000abc";
    private const string RecordingSid = "RE00000000000000000000000000000abc";

    private readonly MailServer mail = new(Required("TIPLINE_TEST_IMAP"), Required("TIPLINE_TEST_SMTP"));
    private readonly string tips = MailServer.NewUser("lincoln-tips", "tips.test");
    private readonly string mailer = MailServer.NewUser("riley.okonkwo", "example.test");
    private readonly Lazy<byte[]> recording = new(() => VoicemailTests.Speak("a student said he has a gun in his car"));

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = mail.SmtpHost, ["Email:Smtp:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:PollInterval"] = "00:00:00.300", ["Work:Email:PollInterval"] = "00:00:00.100",
        ["Email:Mailboxes:0:Host"] = mail.ImapHost, ["Email:Mailboxes:0:Port"] = mail.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Mailboxes:0:Security"] = "None", ["Email:Mailboxes:0:Username"] = tips, ["Email:Mailboxes:0:Password"] = MailServer.Password,
        ["Email:Mailboxes:0:SchoolId"] = DemoDistrict.LincolnHigh.ToString(), ["Email:Mailboxes:0:Address"] = tips,
        ["Email:Mailboxes:0:AuthServId"] = "mx.tips.test",
        ["Work:Mms:PollInterval"] = "00:00:00.200", ["Work:Voicemail:PollInterval"] = "00:00:00.200",
        ["Work:Sms:PollInterval"] = "00:00:00.200",
    };

    protected override void TwilioRoutes(WebApplication api)
    {
        api.MapGet("/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}/Media/{mediaSid}", () => Results.Bytes(MmsTests.Jpeg(), "image/jpeg"));
        api.MapGet("/2010-04-01/Accounts/{accountSid}/Recordings/{recordingSid}", () => Results.Bytes(recording.Value, "audio/x-wav"));
    }

    [Fact]
    public async Task After_tips_on_every_channel_and_questions_back_nothing_the_team_logs_bus_or_database_hold_names_the_reporters()
    {
        using (var reporter = new ReporterClient(App.CreateClient()))
        {
            Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "A boy in my grade is selling pills",
                contact: TypedContact)).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", Sms(Texter, DemoDistrict.LincolnHighNumber, "someone is bullying a kid online"))).Status);
        var mms = Sms(PictureTexter, DemoDistrict.LincolnHighNumber, "look at this post");
        mms["NumMedia"] = "1";
        mms["MediaUrl0"] = $"{Twilio.BaseUrl.ToString().TrimEnd('/')}/2010-04-01/Accounts/{AccountSid}/Messages/{mms["MessageSid"]}/Media/{MediaSid}";
        mms["MediaContentType0"] = "image/jpeg";
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", mms)).Status);
        // To the district's shared number without a school: held until the reporter names one.
        var held = Sms(HeldTexter, DemoDistrict.DistrictNumber, "there is a fight planned at the bus stop");
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", held)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/voice", new Dictionary<string, string>
        {
            ["CallSid"] = CallSid, ["AccountSid"] = AccountSid, ["From"] = Caller, ["To"] = DemoDistrict.LincolnHighNumber,
            ["CallStatus"] = "ringing", ["Direction"] = "inbound", ["StirVerstat"] = "TN-Validation-Passed-A",
        })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/voice/recording?lang=en", new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid, ["CallSid"] = CallSid, ["RecordingSid"] = RecordingSid,
            ["RecordingUrl"] = $"{Twilio.BaseUrl.ToString().TrimEnd('/')}/2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}",
            ["RecordingStatus"] = "completed", ["RecordingDuration"] = "4", ["From"] = Caller, ["To"] = DemoDistrict.LincolnHighNumber,
        })).Status);
        await mail.AppendAsync(tips, MailWithPicture());

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var cases = await Eventually.GetAsync(async () => await staff.QueueAsync() is { Count: 5 } q ? q : null, within: TimeSpan.FromSeconds(120),
            what: "a case from each of the five tips");
        Assert.Equal(["email", "sms", "sms", "voice", "web"], cases.Select(c => c.Channel).Order());
        var pictures = await Eventually.GetAsync(async () =>
        {
            var details = await Task.WhenAll(cases.Select(c => staff.CaseAsync(c.CaseId)));
            return details.Sum(d => d.AttachmentIds.Count) >= 3 ? details : null;
        }, within: TimeSpan.FromSeconds(60), what: "the MMS picture, the mail's picture and the disguised voicemail on their cases");

        // Questions back by the web reporter's contact (a content-free notice), by text and by mail: their numbers and address are unsealed.
        foreach (var channel in new[] { "web", "sms", "email" })
        {
            Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(cases.First(c => c.Channel == channel).CaseId, "Are you safe right now?"));
        }
        await Eventually.GetAsync(() => Task.FromResult(Twilio.Requests.Count(r => r.Form.TryGetValue("To", out var to) && to is "+15552468013" or Texter) >= 2
            ? "" : null), what: "the notice and the question texted");
        await mail.WaitForMessagesAsync(mailer, 2, "the acknowledgement and the question by mail");

        var seen = new StringBuilder();
        seen.AppendLine(await staff.Http.GetStringAsync("/staff"));
        foreach (var detail in pictures)
        {
            seen.AppendLine(await staff.Http.GetStringAsync($"/staff/cases/{detail.CaseId}"));
            seen.AppendLine((await staff.GetCaseAsync(detail.CaseId)).Body);
            foreach (var attachment in detail.AttachmentIds)
            {
                var file = await staff.Http.GetByteArrayAsync($"/staff/cases/{detail.CaseId}/attachments/{attachment}");
                seen.AppendLine(Encoding.Latin1.GetString(file));
            }
        }
        var stored = await App.Database.EverythingStoredAsync();
        string[] planted =
        [
            // Whole national numbers: a 7-digit tail can turn up by chance inside a random id or a 7-digit fraction of a second.
            "5552468013", "246-8013", "5552468014", "5552468015", "5552468016", "5552468017", mailer, mailer.Split('@')[0], "Okonkwo", "GPS-LAT-40.7128", "Planted-Phone",
            "IMG_2041_riley", TipLineApp.ReporterAddress.ToString(),
        ];
        foreach (var (where, text) in new[] { ("the team's pages and files", seen.ToString()), ("the logs", App.Logs.All),
            ("the bus", App.PublishedMessages), ("the database", stored) })
        {
            foreach (var value in planted)
            {
                var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
                Assert.True(at < 0, at < 0 ? "" : $"{value} found in {where}: …{text[Math.Max(0, at - 200)..Math.Min(text.Length, at + 100)]}…");
            }
        }

        await AfterTheRetentionPeriodNothingLeadsBackToAReporterAsync(providerIds: [CallSid, RecordingSid, MediaSid, mms["MessageSid"], held["MessageSid"]]);
    }

    /// <summary>What only serves to reach or find a reporter, which this run fills: each table must be empty after the sweep.</summary>
    private static readonly string[] Reidentifying =
    [
        "intake.sealed_contacts", "intake.voice_calls", "intake.voice_recordings", "intake.voicemails", "intake.mms_media",
        "intake.email_attachments", "intake.sms_inbound", "intake.sms_held", "intake.sms_threads", "intake.email_inbound",
        "intake.email_threads", "intake.email_thread_messages",
    ];

    /// <summary>Also emptied, though this run may leave them empty already (a send Twilio did not take, a deletion done).</summary>
    private static readonly string[] AlsoReidentifying = ["intake.sms_deliveries", "intake.twilio_copy_deletions"];

    /// <summary>The tips, the conversations and the team's cases: what a sweep must not touch.</summary>
    private const string Kept = """
        SELECT concat_ws(' | ',
            (SELECT string_agg(concat_ws('/', "Id", "Pseudonym", "WhatHappened", "AcceptedAt"), ',' ORDER BY "Id") FROM intake.reports),
            (SELECT string_agg(concat_ws('/', "Id", "Text"), ',' ORDER BY "Id") FROM intake.followup_messages),
            (SELECT count(*) FROM intake.receipts),
            (SELECT string_agg(concat_ws('/', "Id", "Pseudonym", "Channel"), ',' ORDER BY "Id") FROM teams.cases),
            (SELECT count(*) FROM attachments.files))
        """;

    private async Task AfterTheRetentionPeriodNothingLeadsBackToAReporterAsync(string[] providerIds)
    {
        var before = await App.Database.RowCountsAsync();
        var kept = await App.Database.ScalarAsync<string>(Kept);
        foreach (var table in Reidentifying) Assert.True(before[table] > 0, $"{table} has no rows to purge: the run no longer fills it");

        Assert.Equal(0, await SweepAtAsync(DateTimeOffset.UtcNow.AddDays(89)));
        Assert.Equal(before[Reidentifying[0]], await App.Database.ScalarAsync<long>($"SELECT count(*) FROM {Reidentifying[0]}"));
        // The district has shortened its retention to 30 days since these rows were written (with 90): they go at 30.
        Assert.True(await SweepAtAsync(DateTimeOffset.UtcNow.AddDays(31), retentionDays: 30) > 0);

        var after = await App.Database.RowCountsAsync();
        Assert.All(Reidentifying.Concat(AlsoReidentifying), table => Assert.Equal((table, 0L), (table, after[table])));
        Assert.Equal(0L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM intake.reports WHERE \"ProviderKey\" NOT LIKE '{RetentionSweep.PurgedKeyPrefix}%'"));
        Assert.Equal(kept, await App.Database.ScalarAsync<string>(Kept));
        var stored = await App.Database.EverythingStoredAsync();
        foreach (var id in providerIds) Assert.DoesNotContain(id, stored, StringComparison.Ordinal);
    }

    private async Task<int> SweepAtAsync(DateTimeOffset at, int retentionDays = 90)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var retention = new FixedOptions<PrivacyOptions>(new PrivacyOptions { ContactRetentionDays = retentionDays });
        return await ActivatorUtilities.CreateInstance<RetentionSweep>(scope.ServiceProvider, new FixedClock(at), retention).RunAsync(CancellationToken.None);
    }

    private sealed class FixedOptions<T>(T value) : Microsoft.Extensions.Options.IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    private MimeMessage MailWithPicture()
    {
        var message = new MimeMessage { Subject = "photo", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("client.example") };
        message.From.Add(new MailboxAddress("Riley Okonkwo", mailer));
        message.To.Add(MailboxAddress.Parse(tips));
        message.Headers.Add("Authentication-Results", $"mx.tips.test; spf=pass smtp.mailfrom={mailer}; dmarc=pass header.from=example.test");
        var body = new BodyBuilder { TextBody = "He posted this picture of a gun in his locker." };
        body.Attachments.Add("IMG_2041_riley.jpg", MmsTests.Jpeg(), new ContentType("image", "jpeg"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Required(string variable) =>
        System.Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests through infra/test.sh.");
}
