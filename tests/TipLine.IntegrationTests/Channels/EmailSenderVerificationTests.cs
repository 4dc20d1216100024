using MimeKit;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>A forged From must neither find a reporter's thread nor make TipLine write to the address it names.</summary>
public sealed class EmailSenderVerificationTests : EmailDistrict
{
    [Fact]
    public async Task A_reply_with_a_forged_sender_starts_its_own_unverified_case_and_nothing_is_ever_mailed_to_that_address()
    {
        var student = MailServer.NewUser("real.student", "example.test");
        var tip = Tip(student, LincolnTips, "Threat", "A student in my class said he would bring a knife to school.");
        await Mail.AppendAsync(LincolnTips, tip);
        var acknowledgement = Assert.Single(await Mail.WaitForMessagesAsync(student, 1, "the acknowledgement"));
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var studentCase = (await staff.WaitForCaseAsync()).CaseId;
        Assert.NotEqual(false, (await staff.CaseAsync(studentCase)).SenderVerified);

        // Someone writes as the student, answering the acknowledgement; the receiving server's DMARC check fails them.
        var forged = Tip(student, LincolnTips, "Re: Threat", "Are you the one who reported him?", fromName: "", dmarc: "fail");
        forged.InReplyTo = acknowledgement.MessageId;
        foreach (var id in acknowledgement.References.Append(acknowledgement.MessageId!)) forged.References.Add(id);
        await Mail.AppendAsync(LincolnTips, forged);

        var forgedCase = (await staff.WaitForCaseAsync(c => c.CaseId != studentCase)).CaseId;
        var forgedDetail = await staff.CaseAsync(forgedCase);
        Assert.False(forgedDetail.SenderVerified);
        Assert.Contains("id=\"sender-unverified\"", await staff.Http.GetStringAsync($"/staff/cases/{forgedCase}"), StringComparison.Ordinal);
        Assert.DoesNotContain((await staff.CaseAsync(studentCase)).Conversation, m => m.FromReporter);

        // A question on the forged case has nowhere to go: the case says so, and the student's mailbox gets nothing.
        await staff.AskAsync(forgedCase, "Who are you?");
        await Eventually.GetAsync(async () => (await staff.CaseAsync(forgedCase)).Conversation.FirstOrDefault(m => m.DeliveryStatus is not null)?.DeliveryStatus,
            what: "the question's delivery status");
        Assert.StartsWith("not-sent", (await staff.CaseAsync(forgedCase)).Conversation.Single(m => !m.FromReporter).DeliveryStatus, StringComparison.Ordinal);
        Assert.Single(await Mail.MessagesAsync(student));
    }

    [Fact]
    public async Task A_dmarc_pass_written_by_the_sender_under_another_server_s_name_verifies_nothing()
    {
        var sender = MailServer.NewUser("someone", "example.test");
        var tip = Tip(sender, LincolnTips, "Fight", "There will be a fight after school near the gym.", dmarc: "none");
        tip.Headers.Add("Authentication-Results", "mx.elsewhere.test; dmarc=pass header.from=example.test");
        await Mail.AppendAsync(LincolnTips, tip);

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        Assert.False((await staff.CaseAsync(queued.CaseId)).SenderVerified);
        // Committed with the report, had there been any: no acknowledgement queued, no thread to answer into.
        Assert.Equal(0L, await CountAsync("intake.email_pending"));
        Assert.Equal(0L, await CountAsync("intake.email_threads"));
        Assert.Empty(await Mail.MessagesAsync(sender));
    }
}
