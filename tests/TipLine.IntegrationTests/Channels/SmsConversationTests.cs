using System.Text.RegularExpressions;
using TipLine.Intake.Localization;
using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.TwilioTests;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>A texting student and the team talking, anonymously, through Twilio.</summary>
public sealed class SmsConversationTests : SmsDistrict
{
    private const string Student = "+15551239876";

    protected override IEnumerable<Answer> TwilioAnswers =>
        [new Answer(429, FakeTwilioApi.Error(20429, "Too Many Requests", 429)), new Answer(201, FakeTwilioApi.Created("SM" + new string('a', 32), AccountSid))];

    [Fact]
    public async Task A_team_question_reaches_the_student_by_SMS_in_Spanish_and_the_answer_threads_into_the_case()
    {
        var (status, _) = await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "mi amigo dice que va a lastimar a alguien"));
        Assert.Equal(HttpStatusCode.OK, status);
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        Assert.Equal("sms", queued.Channel);
        Assert.Equal("es", queued.ReporterLanguage);

        Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(queued.CaseId, "Where is your friend now?"));
        var sent = await Eventually.GetAsync(() => Task.FromResult(Twilio.Requests.Count == 2 ? Twilio.Requests[1] : null),
            what: "the question at Twilio's Messages API");
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", sent.Path);
        Assert.StartsWith("Basic ", sent.Authorization, StringComparison.Ordinal);
        Assert.Equal(DemoDistrict.LincolnHighNumber, sent.Form["From"]);
        Assert.Equal(Student, sent.Form["To"]);
        Assert.Contains("amigo", sent.Form["Body"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PublicBaseUrl + "/twilio/sms/status", sent.Form["StatusCallback"]);

        // Twilio's status callback finds the text by its sid once the send is recorded (just after Twilio answered).
        await Eventually.GetAsync(async () => await CountAsync("intake.sms_deliveries") > 0 ? "recorded" : null, what: "the send recorded");
        var delivered = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + new string('a', 32), ["AccountSid"] = AccountSid, ["MessageStatus"] = "delivered",
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostWebhookAsync("/twilio/sms/status", delivered, Signing.Wrong)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/sms/status", delivered)).Status);

        var (answerStatus, reply) = await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "está en el gimnasio ahora"));
        Assert.Equal(HttpStatusCode.OK, answerStatus);
        Assert.Contains("lo agregamos a tu reporte", reply, StringComparison.Ordinal);

        var answered = await Eventually.GetAsync(async () =>
        {
            var c = await staff.CaseAsync(queued.CaseId);
            return c.Conversation.Any(m => m.FromReporter) && c.Conversation.Any(m => m.DeliveryStatus == "delivered") ? c : null;
        }, what: "the delivery status and the answer on the case");
        Assert.Contains("gym", answered.Conversation.Single(m => m.FromReporter).Translation, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await staff.QueueAsync());

        var teamView = (await staff.GetCaseAsync(queued.CaseId)).Body + await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}");
        var stored = await App.Database.EverythingStoredAsync();
        foreach (var text in new[] { teamView, App.Logs.All, App.PublishedMessages, stored })
        {
            Assert.DoesNotContain("5551239876", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_text_from_a_student_continues_on_the_web_with_the_receipt_the_student_was_texted()
    {
        var (_, reply) = await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "a boy in my class said he has a knife in his locker"));
        var receipt = Regex.Match(WebUtility.HtmlDecode(reply),
            @"open (\S+) and enter code ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}) and passphrase ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\.");
        Assert.True(receipt.Success, reply);
        Assert.Equal(TipLineApp.FollowupUrl, receipt.Groups[1].Value);
        // The receipt is a message of its own whose status comes back marked, so Twilio's copy of it can be redacted.
        Assert.Contains($"<Message action=\"{PublicBaseUrl}/twilio/sms/status?receipt=true\">", WebUtility.HtmlDecode(reply), StringComparison.Ordinal);
        const string ReceiptSid = "SM" + "0123456789abcdef0123456789abcdef";
        var status = new Dictionary<string, string> { ["MessageSid"] = ReceiptSid, ["AccountSid"] = AccountSid, ["MessageStatus"] = "sent" };
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/sms/status?receipt=true", status)).Status);
        Assert.Equal(0L, await CountAsync($"intake.twilio_copy_deletions WHERE \"ParentSid\" = '{ReceiptSid}'")); // not final yet
        status["MessageStatus"] = "delivered";
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/sms/status?receipt=true", status)).Status);
        await Eventually.GetAsync(() => Task.FromResult(Twilio.CopyDeletions.FirstOrDefault(d => d.Contains(ReceiptSid, StringComparison.Ordinal))),
            what: "the delivered receipt redacted at Twilio");
        Assert.Single(Twilio.CopyDeletions, d => d.Contains(ReceiptSid, StringComparison.Ordinal));
        var (code, passphrase) = (receipt.Groups[2].Value, receipt.Groups[3].Value);
        var (_, nextReply) = await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "it is a folding knife"));
        Assert.DoesNotContain("passphrase", nextReply, StringComparison.Ordinal); // sent once, with the first answer only

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(queued.CaseId, "Is the knife in the locker now?"));

        using var reporter = new ReporterClient(App.CreateClient());
        var page = await Eventually.GetAsync(async () =>
        {
            var (status, html) = await reporter.OpenFollowupAsync("en", code, passphrase);
            Assert.Equal(HttpStatusCode.OK, status);
            return html.Contains("from-team", StringComparison.Ordinal) ? html : null;
        }, what: "the team's question on the web follow-up page");
        Assert.Contains("Is the knife in the locker now?", page, StringComparison.Ordinal);
        Assert.Contains("it is a folding knife", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, await reporter.AnswerAsync("en", "yes, locker 214 by the gym"));
        var answered = await Eventually.GetAsync(async () =>
        {
            var c = await staff.CaseAsync(queued.CaseId);
            return c.Conversation.Any(m => m.FromReporter && m.Text.Contains("locker 214", StringComparison.Ordinal)) ? c : null;
        }, what: "the answer given on the web, on the case");
        Assert.Equal("sms", answered.Channel);
        foreach (var text in new[] { App.Logs.All, App.PublishedMessages, await App.Database.EverythingStoredAsync() })
        {
            Assert.DoesNotContain(passphrase, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_STOP_a_team_question_is_not_sent_and_the_case_says_so()
    {
        await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "someone keeps bullying my little brother"));
        var (_, stopReply) = await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "STOP"));
        Assert.DoesNotContain("<Message>", stopReply, StringComparison.Ordinal);
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();

        await staff.AskAsync(queued.CaseId, "Which grade is your brother in?");

        var shown = await Eventually.GetAsync(async () =>
            (await staff.CaseAsync(queued.CaseId)).Conversation.FirstOrDefault(m => m.DeliveryStatus is not null));
        Assert.Contains("STOP", shown.DeliveryStatus, StringComparison.Ordinal);
        Assert.Empty(Twilio.Requests);

        await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "START"));
        Assert.Equal(0L, await CountAsync("intake.sms_opt_outs"));
    }

    [Fact]
    public async Task A_retried_webhook_under_concurrency_creates_exactly_one_report()
    {
        var form = Sms(Student, DemoDistrict.LincolnHighNumber, "There is a lockdown rumor about tomorrow", messageSid: "SM" + new string('d', 32));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostWebhookAsync("/twilio/sms", form)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(1, answers.Count(a => a.Body.Contains("<Message>", StringComparison.Ordinal)));
        Assert.Equal(1L, await CountAsync("intake.reports"));
    }

    [Fact]
    public async Task A_tip_to_the_district_number_is_kept_until_the_student_names_the_school()
    {
        await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.DistrictNumber, "a girl said she is going to hurt herself after school"));
        Assert.Equal(0L, await CountAsync("intake.reports"));

        var (_, reply) = await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.DistrictNumber, "jes"));

        Assert.Contains("Jefferson Elementary School", reply, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync("intake.sms_held"));
        using var staff = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test");
        var detail = await staff.CaseAsync((await staff.WaitForCaseAsync()).CaseId);
        Assert.Contains("hurt herself", detail.Original.WhatHappened, StringComparison.Ordinal);
        Assert.Contains("self-harm", detail.Categories);
    }

    [Fact]
    public async Task A_student_who_never_names_the_school_still_reaches_the_district_team_and_can_be_asked_questions()
    {
        var (_, question) = await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.DistrictNumber, "someone posted that they will bring a gun tomorrow"));
        Assert.Contains("Which school", question, StringComparison.Ordinal);

        using var district = await StaffClient.SignInAsync(App, "district.safety@demo.tipline.test");
        var queued = await district.WaitForCaseAsync(within: TimeSpan.FromSeconds(60));
        Assert.Equal("Another school, or not sure", queued.SchoolName);
        var detail = await district.CaseAsync(queued.CaseId);
        Assert.StartsWith("(The reporter did not name a school.)", detail.Original.WhatHappened, StringComparison.Ordinal);
        Assert.Contains("bring a gun tomorrow", detail.Original.WhatHappened, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync("intake.sms_held"));

        Assert.Equal(HttpStatusCode.NoContent, await district.AskAsync(queued.CaseId, "Which school do you go to?"));
        var sent = await Eventually.GetAsync(() => Task.FromResult(Twilio.Requests.LastOrDefault(r => r.Form["To"] == Student)),
            what: "the question to the student's number, read from the sealed store");
        Assert.Equal(DemoDistrict.DistrictNumber, sent.Form["From"]);
        Assert.DoesNotContain("5551239876", App.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("5551239876", (await district.GetCaseAsync(queued.CaseId)).Body, StringComparison.Ordinal);
    }

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        // Long enough for the held-text test above to name its school first; short enough to watch a release.
        ["Sms:HoldFor"] = "00:00:10",
        ["Sms:HeldCheckInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task A_text_about_another_school_opens_its_own_case_instead_of_joining_the_earlier_one()
    {
        await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "a senior is threatening people online"));
        var (_, reply) = await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.DistrictNumber, "RMS and my sister says a kid at her school has a knife"));

        Assert.Contains("Roosevelt Middle School", reply, StringComparison.Ordinal);
        Assert.Equal(2L, await CountAsync("intake.reports"));
        using var north = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test");
        var detail = await north.CaseAsync((await north.WaitForCaseAsync()).CaseId);
        Assert.Contains("knife", detail.Original.WhatHappened, StringComparison.Ordinal);
        Assert.DoesNotContain("senior", detail.Original.WhatHappened, StringComparison.Ordinal);
    }
}
