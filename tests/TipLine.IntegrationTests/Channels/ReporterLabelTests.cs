using System.Net;
using System.Text.RegularExpressions;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.TwilioTests;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>
/// Whoever can submit a tip must not learn who sent another: a suspect's number typed into the public form gives a label
/// of its own, never the one the suspect's texts carry.
/// </summary>
public sealed partial class ReporterLabelTests : SmsDistrict
{
    protected override IEnumerable<Answer> TwilioAnswers => [new Answer(201, FakeTwilioApi.Created("SM" + new string('b', 32), AccountSid))];

    [Fact]
    public async Task A_web_reporter_who_left_a_number_is_texted_that_the_team_answered_and_nothing_else()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        var submitted = await reporter.SubmitAsync("es", DemoDistrict.LincolnHigh, "Un chico tiene una navaja en la mochila", contact: "(555) 123-0002");
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();

        Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(queued.CaseId, "Which class is he in?"));

        var notice = await Eventually.GetAsync(() => Task.FromResult(Twilio.Requests.Count > 0 ? Twilio.Requests[0] : null), what: "the reply notice at Twilio");
        Assert.Equal((AppEnvironment.NoticeNumber, "+15551230002"), (notice.Form["From"], notice.Form["To"]));
        Assert.Equal("TipLine: hay una respuesta a tu reporte. Ábrela con tu código en https://tips.example.org/report/followup", notice.Form["Body"]);
        var (status, thread) = await reporter.OpenFollowupAsync("es", submitted.Code!, submitted.Passphrase!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("clase", thread, StringComparison.OrdinalIgnoreCase); // the question itself waits here, translated
        await Eventually.GetAsync(async () => await CountAsync("intake.reply_notices") == 0 ? "" : null, what: "the notice's queue item done");
        Assert.Single(Twilio.Requests);
    }

    [Fact]
    public async Task A_phone_number_typed_into_the_form_gets_a_label_of_its_own_never_the_label_of_that_phone_s_texts()
    {
        var (status, _) = await PostWebhookAsync("/twilio/sms", Sms("+15551230001", DemoDistrict.LincolnHighNumber, "someone wrote a threat on the bathroom wall"));
        Assert.Equal(HttpStatusCode.OK, status);
        using (var reporter = new ReporterClient(App.CreateClient()))
        {
            Assert.NotNull((await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "a kid said he has a knife in his bag", contact: "+1 555 123 0001")).Code);
            Assert.NotNull((await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "there was a fight planned after school", contact: "(555) 123-0001")).Code);
        }

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var cases = await Eventually.GetAsync(async () => await staff.QueueAsync() is { Count: 3 } all ? all : null, what: "three cases");
        var labels = cases.Select(c => c.Pseudonym).ToList();
        Assert.All(labels, l => Assert.Matches(Label(), l));
        Assert.Equal(3, labels.Distinct().Count());

        // Nothing the team can read links one case to another: each case's page and API answer name only its own label.
        foreach (var c in cases)
        {
            var view = (await staff.GetCaseAsync(c.CaseId)).Body + await staff.Http.GetStringAsync($"/staff/cases/{c.CaseId}");
            Assert.Contains(c.Pseudonym, view, StringComparison.Ordinal);
            Assert.All(labels.Where(l => l != c.Pseudonym), other => Assert.DoesNotContain(other, view, StringComparison.Ordinal));
            Assert.DoesNotContain("1230001", view, StringComparison.Ordinal);
            Assert.DoesNotContain("123-0001", view, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex Label();
}
