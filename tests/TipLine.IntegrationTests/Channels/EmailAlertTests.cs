using Microsoft.Extensions.DependencyInjection;
using TipLine.Contracts;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Alerts;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>An on-call alert by email, through the real SMTP server into a staff member's mailbox.</summary>
public sealed class EmailAlertTests : EmailDistrict
{
    [Fact]
    public async Task An_email_alert_says_only_school_urgency_and_link()
    {
        var staffMember = MailServer.NewUser("on-call", "district.test");
        await using var scope = App.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<EmailAlertSender>();
        Assert.Equal(AlertMethod.Email, sender.Method);

        var outcome = await sender.SendAsync(staffMember,
            new Alert("Lincoln High School", SuggestedUrgency.High, new Uri("https://staff.tips.test/staff/cases/42")), CancellationToken.None);

        Assert.True(outcome.Sent, outcome.Detail);
        var alert = (await Mail.WaitForMessagesAsync(staffMember, 1, "the alert in the staff mailbox")).Single();
        Assert.Equal("TipLine: new HIGH-urgency tip for Lincoln High School", alert.Subject);
        Assert.Equal("TipLine: new HIGH-urgency tip for Lincoln High School. Open https://staff.tips.test/staff/cases/42", alert.TextBody!.Trim());
        Assert.Equal("alerts@tips.test", alert.From.Mailboxes.Single().Address);
        Assert.Null(alert.HtmlBody);
    }
}

/// <summary>When the SMTP server cannot be reached, a tip is still a case and the question's failure shows on it.</summary>
public sealed class EmailSmtpDownTests : EmailDistrict
{
    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Port"] = "1", // nothing listens there
        ["Email:Smtp:MaxRetryAttempts"] = "1",
    };

    [Fact]
    public async Task A_question_that_cannot_be_sent_is_marked_failed_on_the_case()
    {
        var reporter = MailServer.NewUser("student", "example.test");
        await Mail.AppendAsync(LincolnTips, Tip(reporter, LincolnTips, "tip", "A student keeps threatening to fight people at lunch."));
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();

        await staff.AskAsync(queued.CaseId, "Which lunch period?");

        var shown = await Eventually.GetAsync(async () =>
            (await staff.CaseAsync(queued.CaseId)).Conversation.FirstOrDefault(m => m.DeliveryStatus is not null), what: "the delivery status");
        Assert.StartsWith("failed", shown.DeliveryStatus, StringComparison.Ordinal);
        Assert.Empty(await Mail.MessagesAsync(reporter));
        Assert.Equal(0L, await CountAsync("intake.email_pending"));
    }
}
