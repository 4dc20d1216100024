using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Intake;

public sealed class BadInputTests : RunningDistrict
{
    public static TheoryData<string, string, Action<Dictionary<string, string>>, string> Cases => new()
    {
        { "missing what happened", "en", f => f.Remove("Form.WhatHappened"), "Please fill in: What happened?" },
        { "missing danger answer", "es", f => f.Remove("Form.DangerNow"), "¿hay alguien en peligro en este momento?" },
        { "one megabyte of text", "en", f => f["Form.WhatHappened"] = new string('a', 1_000_000), "is too long" },
        { "wrong antiforgery token", "en", f => f["__RequestVerificationToken"] = "forged", "nothing was sent" },
        { "unknown school", "vi", f => f["Form.SchoolId"] = Guid.NewGuid().ToString(), "Vui lòng chọn một trường" },
        { "school that is not an id", "en", f => f["Form.SchoolId"] = "Lincoln", "Please choose a school from the list." },
        { "contact that is neither phone nor email", "en", f => f["Form.Contact"] = "ask my mom", "phone number or an email" },
        { "contact the district sends no notices to", "es", f => f["Form.Contact"] = "someone@example.org", "no puede enviar un aviso" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_clear_error_in_the_reporters_language_and_stores_nothing(
        string _, string culture, Action<Dictionary<string, string>> spoil, string message)
    {
        using var reporter = new ReporterClient(App.CreateClient());
        var form = await reporter.OpenFormAsync(culture);
        form["Form.SchoolId"] = DemoDistrict.LincolnHigh.ToString();
        form["Form.WhatHappened"] = "A student showed a gun in the parking lot";
        form["Form.DangerNow"] = "no";
        spoil(form);

        var result = await reporter.PostFormAsync($"/report?culture={culture}", form);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains(message, WebUtility.HtmlDecode(result.Html), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("role=\"alert\"", result.Html, StringComparison.Ordinal);
        Assert.Null(result.Code);
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM intake.reports"));
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM intake.outbox_messages WHERE message_type LIKE '%ReportSubmitted'"));
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM intake.receipts"));
    }

    [Fact]
    public async Task Sending_the_same_form_twice_keeps_one_report_and_shows_the_receipt_once()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        var form = await reporter.OpenFormAsync("en");
        var first = await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone threatened a teacher", form: new(form));
        var second = await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone threatened a teacher", form: new(form));

        Assert.NotNull(first.Code);
        Assert.Null(second.Code);
        Assert.Contains("already received", second.Html, StringComparison.Ordinal);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM intake.reports"));
    }

    [Fact]
    public async Task Wrong_receipt_guesses_lock_the_receipt()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        var submitted = await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Fight planned after school");
        for (var i = 0; i < 4; i++)
        {
            var (status, html) = await reporter.OpenFollowupAsync("en", submitted.Code!, "WRONG-WRONG-WRONG-WRON");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("do not match", html, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reporter.OpenFollowupAsync("en", submitted.Code!, "WRONG-WRONG-WRONG-WRON")).Status);
        // Locked: even the right passphrase waits now.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reporter.OpenFollowupAsync("en", submitted.Code!, submitted.Passphrase!)).Status);
    }

    [Fact]
    public async Task Parallel_wrong_guesses_still_lock_the_receipt()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        var submitted = await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone is planning to jump a kid after practice");
        var guessers = Enumerable.Range(0, 12).Select(_ => new ReporterClient(App.CreateClient())).ToList();

        var results = await Task.WhenAll(guessers.Select(g => g.OpenFollowupAsync("en", submitted.Code!, "WRONG-WRONG-WRONG-WRON")));

        Assert.True(results.Count(r => r.Status == HttpStatusCode.BadRequest) <= 4, "more wrong guesses were checked than the limit allows");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reporter.OpenFollowupAsync("en", submitted.Code!, submitted.Passphrase!)).Status);
        guessers.ForEach(g => g.Dispose());
    }
}
