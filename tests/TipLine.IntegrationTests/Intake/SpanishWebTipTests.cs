using TipLine.Intake.Localization;
using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Intake;

/// <summary>The foundation's path end to end: web form → PostgreSQL → RabbitMQ → routing (APY) → team queue, and back.</summary>
public sealed class SpanishWebTipTests : IAsyncLifetime
{
    private const string ReporterEmail = "maria.reporter@example.org";
    private AppEnvironment environment = null!;
    private TipLineApp app = null!;

    public async Task InitializeAsync()
    {
        environment = await AppEnvironment.CreateAsync();
        // Reply notices by email are on, so the form takes the reporter's address (no question is asked: nothing is sent).
        app = await TipLineApp.StartAsync(environment, settings: new Dictionary<string, string?>
        {
            ["ReplyNotices:EmailFrom"] = "notices@tips.test", ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = "9",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await environment.DisposeAsync();
    }

    [Fact]
    public async Task Spanish_web_tip_reaches_the_team_queue_translated_without_the_reporters_contact_or_IP()
    {
        using var reporter = new ReporterClient(app.CreateClient());
        var submitted = await reporter.SubmitAsync("es", DemoDistrict.LincolnHigh,
            "Un chico dijo que va a traer un arma a la escuela mañana", contact: ReporterEmail, whenWhere: "En la cafetería");

        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Contains("Gracias", submitted.Html, StringComparison.Ordinal);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", submitted.Code);

        using var staff = await StaffClient.SignInAsync(app, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        var detail = await staff.CaseAsync(queued.CaseId);

        Assert.Equal("es", detail.ReporterLanguage);
        Assert.False(detail.NeedsTranslation);
        Assert.Equal("Un chico dijo que va a traer un arma a la escuela mañana", detail.Original.WhatHappened);
        Assert.Contains("weapon", detail.Translation!.WhatHappened, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("school", detail.Translation.WhatHappened, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TipLine.Contracts.SuggestedUrgency.Imminent, detail.SuggestedUrgency);
        Assert.Matches("^R-[0-9A-Z]{4}-[0-9A-Z]{4}$", detail.Pseudonym);

        var teamView = (await staff.GetCaseAsync(queued.CaseId)).Body + await staff.Http.GetStringAsync("/api/cases")
                       + await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}");
        var stored = await app.Database.EverythingStoredAsync();
        foreach (var (where, text) in new[] { ("team view", teamView), ("logs", app.Logs.All), ("bus messages", app.PublishedMessages), ("database", stored) })
        {
            Assert.DoesNotContain("maria.reporter", text, StringComparison.OrdinalIgnoreCase);
            Assert.False(text.Contains(TipLineApp.ReporterAddress.ToString(), StringComparison.Ordinal), $"The reporter's IP address is in the {where}.");
        }
        Assert.Contains("ReportSubmitted", app.PublishedMessages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_part_of_a_Spanish_tip_is_translated_apart_and_what_looks_like_markup_stays_text()
    {
        using var reporter = new ReporterClient(app.CreateClient());
        await reporter.SubmitAsync("es", DemoDistrict.LincolnHigh, "Un chico dijo <en clase> que va a traer un cuchillo & un arma",
            who: "Un chico de noveno grado", whenWhere: "En la cafetería");

        using var staff = await StaffClient.SignInAsync(app, "counselor@demo.tipline.test");
        var detail = await staff.CaseAsync((await staff.WaitForCaseAsync()).CaseId);

        Assert.False(detail.NeedsTranslation);
        var translation = detail.Translation!;
        Assert.Contains("knife", translation.WhatHappened, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<", translation.WhatHappened, StringComparison.Ordinal);
        Assert.Contains("&", translation.WhatHappened, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", translation.WhatHappened, StringComparison.Ordinal);
        Assert.Contains("boy", translation.WhoIsInvolved, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("boy", translation.WhenAndWhere, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("In the", translation.WhenAndWhere, StringComparison.Ordinal);
        Assert.Equal("En la cafetería", detail.Original.WhenAndWhere);
    }

    [Fact]
    public async Task Team_question_reaches_the_reporter_in_Spanish_and_the_answer_reaches_the_case()
    {
        using var reporter = new ReporterClient(app.CreateClient());
        var submitted = await reporter.SubmitAsync("es", DemoDistrict.LincolnHigh, "Mi amigo tiene miedo de ir a la escuela");
        using var staff = await StaffClient.SignInAsync(app, "admin@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();

        Assert.Equal(HttpStatusCode.NoContent, await staff.AcknowledgeAsync(queued.CaseId));
        Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(queued.CaseId, "Where is your friend now?"));

        var page = await Eventually.GetAsync(async () =>
        {
            var (status, html) = await reporter.OpenFollowupAsync("es", submitted.Code!, submitted.Passphrase!);
            Assert.Equal(HttpStatusCode.OK, status);
            return html.Contains("from-team", StringComparison.Ordinal) ? html : null;
        }, what: "the team's question on /report/followup");
        Assert.Contains("amigo", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Where is your friend", page, StringComparison.Ordinal);
        Assert.Contains("Un miembro del equipo", page, StringComparison.Ordinal); // status: reviewing

        Assert.Equal(HttpStatusCode.Redirect, await reporter.AnswerAsync("es", "Mi amigo está en la biblioteca"));

        var answered = await Eventually.GetAsync(async () =>
        {
            var c = await staff.CaseAsync(queued.CaseId);
            return c.Conversation.Any(m => m.FromReporter) ? c : null;
        }, what: "the reporter's answer on the case");
        var answer = answered.Conversation.Single(m => m.FromReporter);
        Assert.Equal("Mi amigo está en la biblioteca", answer.Text);
        Assert.Contains("library", answer.Translation, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(answered.AcknowledgedAt);
        Assert.Equal("Dana Admin", answered.AcknowledgedBy);
    }
}
