using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Channels;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Intake;

/// <summary>
/// The web form's rate limits: per client (3 here) and for everyone (5 here), in a window longer than the test. Over a
/// limit the reporter is told, in their language, that the report was not sent and what to do in an emergency; texts are
/// never refused, and a number texting again and again fills its own thread.
/// </summary>
public sealed class FormRateLimitTests : SmsDistrict
{
    private static readonly IPAddress Second = IPAddress.Parse("127.0.0.78"), Third = IPAddress.Parse("127.0.0.79");

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["RateLimits:FormPerClientPerWindow"] = "3",
        ["RateLimits:FormPerWindow"] = "5",
        ["RateLimits:Window"] = "01:00:00",
        ["Incidents:SenderFloodMessages"] = "10",
    };

    [Fact]
    public async Task Over_a_limit_the_form_answers_429_in_the_reporters_language_and_texts_are_still_taken()
    {
        using var first = new ReporterClient(App.CreateClient());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.SubmitAsync("es", DemoDistrict.LincolnHigh, $"Tip {i} about the parking lot")).Status);
        }

        // The fourth from the same client: refused, in Spanish, with the emergency numbers; and nothing stored.
        var refused = await first.SubmitAsync("es", DemoDistrict.LincolnHigh, "Tip 3 about the parking lot");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        var page = WebUtility.HtmlDecode(refused.Html);
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", refused.Html, StringComparison.Ordinal);
        Assert.Contains("Tu reporte no se envió", page, StringComparison.Ordinal);
        Assert.Contains("911", page, StringComparison.Ordinal);
        Assert.Null(refused.Code);
        Assert.Equal(3L, await ReportsAsync());
        // What the reporter wrote is kept in the page, ready to send again as the same submission.
        Assert.Contains("<form method=\"post\" action=\"/report?culture=es\">", refused.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.WhatHappened\" value=\"Tip 3 about the parking lot\"", refused.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.SubmissionId\" value=\"", refused.Html, StringComparison.Ordinal);
        Assert.Matches("name=\"__RequestVerificationToken\" value=\"[^\"]{20,}\"", refused.Html);
        Assert.Equal("3600", refused.RetryAfter);

        // A forged X-Forwarded-For from a client that is not a listed proxy changes nothing, and is not recorded.
        first.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SubmitAsync("en", DemoDistrict.LincolnHigh, "Tip 4")).Status);

        // Another client still gets through, until everyone together reaches five.
        using var second = new ReporterClient(App.CreateClient(from: Second));
        Assert.Equal(HttpStatusCode.OK, (await second.SubmitAsync("en", DemoDistrict.LincolnHigh, "Tip from another phone")).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.SubmitAsync("en", DemoDistrict.LincolnHigh, "Second tip from another phone")).Status);
        using var third = new ReporterClient(App.CreateClient(from: Third));
        var arabic = await third.SubmitAsync("ar", DemoDistrict.LincolnHigh, "Tip from a third phone");
        Assert.Equal(HttpStatusCode.TooManyRequests, arabic.Status);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic.Html, StringComparison.Ordinal);
        Assert.Equal(5L, await ReportsAsync());

        // Twilio does not retry a 429: a flood of texts from one number is answered 200 and kept, however many: in one thread,
        // one case whose conversation holds every text, marked a possible flood from one sender.
        for (var i = 0; i < 12; i++)
        {
            var (status, _) = await PostWebhookAsync("/twilio/sms", Sms("+15551230042", DemoDistrict.LincolnHighNumber, $"flood text {i}"));
            Assert.Equal(HttpStatusCode.OK, status);
        }
        Assert.Equal(12L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM intake.sms_inbound"));
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var textCase = await Eventually.GetAsync(async () => (await staff.QueueAsync()).SingleOrDefault(c => c.Channel == "sms"), what: "the texted tip's case");
        var flooded = await Eventually.GetAsync(async () => await staff.CaseAsync(textCase.CaseId) is { Conversation.Count: 11 } c ? c : null,
            what: "eleven texts in the case conversation");
        Assert.True(flooded.Incident.SenderFlood);
        Assert.False(flooded.Incident.PossibleFlood);
        Assert.Single(await staff.QueueAsync(), c => c.Channel == "sms");
        Assert.True((await staff.QueueAsync()).Single(c => c.Channel == "sms").PossibleFlood);
        Assert.DoesNotContain(await staff.QueueAsync(), c => c.Channel == "web" && c.PossibleFlood);
        Assert.Contains("possible flood from one sender", await staff.Http.GetStringAsync($"/staff/cases/{textCase.CaseId}"), StringComparison.Ordinal);

        // The addresses the limits counted were never written down.
        var stored = await App.Database.EverythingStoredAsync();
        foreach (var address in new[] { "127.0.0.77", "127.0.0.78", "127.0.0.79", "203.0.113.9" })
        {
            Assert.DoesNotContain(address, App.Logs.All, StringComparison.Ordinal);
            Assert.DoesNotContain(address, stored, StringComparison.Ordinal);
        }
    }

    private Task<long> ReportsAsync() => App.Database.ScalarAsync<long>("SELECT count(*) FROM intake.reports WHERE \"Channel\" = 'web'");
}
