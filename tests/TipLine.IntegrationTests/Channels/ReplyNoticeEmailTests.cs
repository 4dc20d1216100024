using MimeKit;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>The web form's optional contact has one use: being told, with no content, that the team has answered.</summary>
public sealed class ReplyNoticeEmailTests : EmailDistrict
{
    [Fact]
    public async Task A_web_reporter_who_left_an_email_is_mailed_that_the_team_answered_in_their_language_and_nothing_else()
    {
        var parent = MailServer.NewUser("worried.parent", "example.test");
        using var reporter = new ReporterClient(App.CreateClient());
        var submitted = await reporter.SubmitAsync("vi", DemoDistrict.LincolnHigh, "Con tôi nói có bạn mang dao đến trường", contact: parent);
        Assert.NotNull(submitted.Code);
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();

        await staff.AskAsync(queued.CaseId, "Which class is the student in?");

        var notice = Assert.Single(await Mail.WaitForMessagesAsync(parent, 1, "the reply notice"));
        Assert.Equal("notices@tips.test", notice.From.Mailboxes.Single().Address);
        Assert.Equal("TipLine: có câu trả lời cho báo cáo của bạn", notice.Subject);
        Assert.Equal("TipLine: có câu trả lời cho báo cáo của bạn. Mở bằng mã của bạn tại https://tips.example.org/report/followup",
            notice.TextBody?.Trim());
        Assert.Equal("auto-generated", notice.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal(["text/plain"], notice.BodyParts.Select(p => p.ContentType.MimeType)); // the one sentence, nothing attached

        // The team never sees where the notice went.
        var teamView = (await staff.GetCaseAsync(queued.CaseId)).Body + await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}");
        Assert.DoesNotContain(parent.Split('@')[0], teamView, StringComparison.OrdinalIgnoreCase);
    }
}
