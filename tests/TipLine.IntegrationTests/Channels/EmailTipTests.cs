using System.Text.RegularExpressions;
using System.Net;
using TipLine.Intake.Localization;
using MimeKit;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>Tips that arrive by email, as the team and the reporter see them.</summary>
public sealed class EmailTipTests : EmailDistrict
{
    [Fact]
    public async Task English_and_Spanish_mails_become_cases_in_the_right_team_s_queue_translated_and_are_acknowledged()
    {
        var english = MailServer.NewUser("student", "example.test");
        var spanish = MailServer.NewUser("estudiante", "example.test");
        await Mail.AppendAsync(LincolnTips, Tip(english, LincolnTips, "something scary", "A boy in my class said he will bring a knife to the gym on Friday."));
        await Mail.AppendAsync(DistrictTips, Tip(spanish, DistrictTips, "RMS", "Un chico de mi clase tiene un cuchillo en la escuela."));

        using var lincoln = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var lincolnCase = await lincoln.CaseAsync((await lincoln.WaitForCaseAsync()).CaseId);
        Assert.Equal("email", lincolnCase.Channel);
        Assert.Contains("knife", lincolnCase.Original.WhatHappened, StringComparison.Ordinal);

        using var north = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test");
        var northCase = await north.CaseAsync((await north.WaitForCaseAsync()).CaseId);
        Assert.Equal("Roosevelt Middle School", northCase.SchoolName);
        Assert.Equal("es", northCase.ReporterLanguage);
        Assert.Contains("cuchillo", northCase.Original.WhatHappened, StringComparison.Ordinal);
        Assert.Contains("knife", northCase.Translation!.WhatHappened, StringComparison.OrdinalIgnoreCase);

        var ack = (await Mail.WaitForMessagesAsync(spanish, 1, "the acknowledgement in the reporter's mailbox")).Single();
        Assert.Contains("911", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("988", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("Recibimos tu reporte", ack.TextBody, StringComparison.Ordinal);
        Assert.Equal(DistrictTips, ack.From.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", ack.Headers[HeaderId.AutoSubmitted]);
        Assert.Contains("Thank you", (await Mail.WaitForMessagesAsync(english, 1, "the English acknowledgement")).Single().TextBody, StringComparison.Ordinal);

        Assert.Equal(0, await Mail.CountAsync(LincolnTips, "INBOX"));
        Assert.Equal(1, await Mail.CountAsync(LincolnTips, "Processed"));
        Assert.Equal(1, await Mail.CountAsync(DistrictTips, "Processed"));
    }

    [Fact]
    public async Task A_mail_to_the_district_mailbox_that_names_no_school_goes_to_the_district_team()
    {
        var reporter = MailServer.NewUser("worried", "example.test");
        await Mail.AppendAsync(DistrictTips, Tip(reporter, DistrictTips, "please help", "Someone said they will shoot people at the game tonight."));

        using var district = await StaffClient.SignInAsync(App, "district.safety@demo.tipline.test");
        var detail = await district.CaseAsync((await district.WaitForCaseAsync()).CaseId);
        Assert.Equal("Another school, or not sure", detail.SchoolName);
        Assert.StartsWith("(The reporter did not name a school.)", detail.Original.WhatHappened, StringComparison.Ordinal);
        Assert.Contains("shoot people", detail.Original.WhatHappened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_s_question_arrives_threaded_and_the_reporter_s_answer_reaches_the_case_without_their_address_anywhere()
    {
        var reporter = MailServer.NewUser("maria.gonzalez", "example.test");
        var tip = Tip(reporter, LincolnTips, "Mi amigo", "");
        tip.Body = new Multipart("alternative")
        {
            new TextPart("html")
            {
                Text = """
                    <html><head><style>p{color:red}</style><script>alert(1)</script></head><body>
                    <p>Mi amigo dice que va a lastimar a alguien en la escuela.</p>
                    <div class="gmail_signature">Maria Gonzalez<br>Grade 10</div>
                    <div class="gmail_quote">On Monday someone wrote: <blockquote>older mail</blockquote></div>
                    </body></html>
                    """,
            },
        };
        await Mail.AppendAsync(LincolnTips, tip);
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        var detail = await staff.CaseAsync(queued.CaseId);
        Assert.Contains("lastimar", detail.Original.WhatHappened, StringComparison.Ordinal);
        foreach (var hidden in new[] { "Gonzalez", "Grade 10", "older mail", "alert(1)", "color:red" })
        {
            Assert.DoesNotContain(hidden, detail.Original.WhatHappened, StringComparison.Ordinal);
        }
        await Mail.WaitForMessagesAsync(reporter, 1, "the acknowledgement");

        await staff.AskAsync(queued.CaseId, "Where is your friend now?");
        var inbox = await Mail.WaitForMessagesAsync(reporter, 2, "the team's question in the reporter's mailbox");
        var question = inbox.Single(m => m.Headers[HeaderId.AutoSubmitted] is null);
        Assert.Contains("amigo", question.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(LincolnTips, question.From.Mailboxes.Single().Address);
        Assert.Equal("Re: Mi amigo", question.Subject);
        Assert.Contains(tip.MessageId, question.References);
        Assert.False(string.IsNullOrEmpty(question.InReplyTo));

        var answer = Tip(reporter, LincolnTips, "Re: Mi amigo",
            $"Está en el gimnasio ahora.\n\nEl {DateTime.Now:d}, {LincolnTips} escribió:\n> Where is your friend now?\n\n-- \nMaria");
        answer.InReplyTo = question.MessageId;
        foreach (var id in question.References.Append(question.MessageId!)) answer.References.Add(id);
        await Mail.AppendAsync(LincolnTips, answer);

        var answered = await Eventually.GetAsync(async () =>
        {
            var c = await staff.CaseAsync(queued.CaseId);
            return c.Conversation.Any(m => m.FromReporter) && c.Conversation.Any(m => m.DeliveryStatus == "sent") ? c : null;
        }, what: "the answer and the question's delivery on the case");
        var said = answered.Conversation.Single(m => m.FromReporter);
        Assert.Contains("gym", said.Translation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Where is your friend", said.Text, StringComparison.Ordinal);
        Assert.Single(await staff.QueueAsync());
        Assert.Equal(2, (await Mail.MessagesAsync(reporter)).Count); // an answer gets no automatic reply

        var teamView = (await staff.GetCaseAsync(queued.CaseId)).Body + await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}");
        var stored = await App.Database.EverythingStoredAsync();
        var local = reporter.Split('@')[0];
        foreach (var text in new[] { teamView, App.Logs.All, App.PublishedMessages, stored })
        {
            Assert.DoesNotContain(local, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Gonzalez", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_mailing_reporter_continues_on_the_web_with_the_receipt_in_the_acknowledgement()
    {
        var reporter = MailServer.NewUser("worried.parent", "example.test");
        await Mail.AppendAsync(LincolnTips, Tip(reporter, LincolnTips, "bus", "An older student threatens my son on the bus every morning."));
        var ack = (await Mail.WaitForMessagesAsync(reporter, 1, "the acknowledgement")).Single();
        var receipt = Regex.Match(ack.TextBody ?? "",
            @"open (\S+) and enter code ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}) and passphrase ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\.");
        Assert.True(receipt.Success, ack.TextBody);
        Assert.Equal(TipLineApp.FollowupUrl, receipt.Groups[1].Value);
        var (code, passphrase) = (receipt.Groups[2].Value, receipt.Groups[3].Value);

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(queued.CaseId, "Which bus number is it?"));
        using var web = new ReporterClient(App.CreateClient());
        var page = await Eventually.GetAsync(async () =>
        {
            var (status, html) = await web.OpenFollowupAsync("en", code, passphrase);
            Assert.Equal(HttpStatusCode.OK, status);
            return html.Contains("Which bus number is it?", StringComparison.Ordinal) ? html : null;
        }, what: "the team's question on the web follow-up page");
        Assert.Equal(HttpStatusCode.Redirect, await web.AnswerAsync("en", "Bus 12, the morning route"));

        await Eventually.GetAsync(async () =>
        {
            var c = await staff.CaseAsync(queued.CaseId);
            return c.Conversation.Any(m => m.FromReporter && m.Text.Contains("Bus 12", StringComparison.Ordinal)) ? c : null;
        }, what: "the answer given on the web, on the case");
        await Mail.WaitForMessagesAsync(reporter, 2, "the question by mail as well");
        foreach (var text in new[] { App.Logs.All, App.PublishedMessages, await App.Database.EverythingStoredAsync() })
        {
            Assert.DoesNotContain(passphrase, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Automatic_replies_bounces_and_bulk_mail_create_no_case_and_get_no_answer()
    {
        var senders = new List<string>();
        MimeMessage Automatic(string kind, Action<MimeMessage> mark)
        {
            var sender = MailServer.NewUser(kind, "example.test");
            senders.Add(sender);
            var message = Tip(sender, LincolnTips, "Out of office", "I am away until Monday. Someone has a knife.");
            mark(message);
            return message;
        }
        var table = new[]
        {
            Automatic("auto-reply", m => m.Headers.Add(HeaderId.AutoSubmitted, "auto-replied")),
            Automatic("bulk", m => m.Headers.Add("Precedence", "bulk")),
            Automatic("list", m => m.Headers.Add("Precedence", "list")),
            Automatic("junk", m => m.Headers.Add("Precedence", "junk")),
            Automatic("bounce", m => m.Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Delivery failed" } }),
        };
        var daemon = Tip("MAILER-DAEMON@example.test", LincolnTips, "Undelivered Mail Returned to Sender", "This is the mail system.");
        foreach (var message in table.Append(daemon)) await Mail.AppendAsync(LincolnTips, message);
        var real = MailServer.NewUser("real", "example.test");
        await Mail.AppendAsync(LincolnTips, Tip(real, LincolnTips, "tip", "Someone wrote a threat on the bathroom wall."));

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        await staff.WaitForCaseAsync();
        await Mail.WaitForMessagesAsync(real, 1, "the real tip's acknowledgement");
        await Eventually.GetAsync(async () => await Mail.CountAsync(LincolnTips, "Processed") == 7 ? "" : null, what: "every mail handled");

        Assert.Equal(1L, await CountAsync("intake.reports"));
        Assert.Single(await staff.QueueAsync());
        Assert.Equal(0L, await CountAsync("intake.email_pending"));
        foreach (var sender in senders) Assert.Empty(await Mail.MessagesAsync(sender));
        Assert.Empty(await Mail.MessagesAsync("MAILER-DAEMON@example.test"));
    }
}

/// <summary>Files sent with an email tip: a picture without its metadata for the team, other files kept aside, programs refused.</summary>
public sealed class EmailAttachmentTests : EmailDistrict
{
    [Fact]
    public async Task A_picture_reaches_the_case_without_metadata_and_a_program_is_refused_by_type_only()
    {
        var reporter = MailServer.NewUser("student", "example.test");
        var tip = Tip(reporter, LincolnTips, "look", "He posted this photo of the gun.");
        var body = new BodyBuilder { TextBody = "He posted this photo of the gun." };
        body.Attachments.Add("IMG_2041_maria.jpg", MmsTests.Jpeg(), new ContentType("image", "jpeg"));
        body.Attachments.Add("notes.pdf", "%PDF-1.4 notes"u8.ToArray(), new ContentType("application", "pdf"));
        body.Attachments.Add("invoice.exe", "MZ this is a program"u8.ToArray(), new ContentType("application", "octet-stream"));
        tip.Body = body.ToMessageBody();
        await Mail.AppendAsync(LincolnTips, tip);

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var detail = await staff.CaseAsync((await staff.WaitForCaseAsync()).CaseId);
        var attachment = Assert.Single(detail.AttachmentIds);
        using var opened = await staff.Http.GetAsync($"/staff/cases/{detail.CaseId}/attachments/{attachment}");
        MmsTests.AssertClean(await opened.Content.ReadAsByteArrayAsync());
        Assert.Contains("application/pdf", detail.Original.WhatHappened, StringComparison.Ordinal);
        Assert.Contains("refused: executable", detail.Original.WhatHappened, StringComparison.Ordinal);
        Assert.Equal(2L, await CountAsync("intake.email_attachments")); // the picture's and the PDF's originals, sealed
        Assert.Contains("refused (executable): application/octet-stream", App.Logs.All, StringComparison.Ordinal);
        foreach (var text in new[] { App.Logs.All, await App.Database.EverythingStoredAsync(), detail.Original.WhatHappened })
        {
            Assert.DoesNotContain("invoice.exe", text, StringComparison.Ordinal);
            Assert.DoesNotContain("IMG_2041", text, StringComparison.Ordinal);
        }
    }
}
