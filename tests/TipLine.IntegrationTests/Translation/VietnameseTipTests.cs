using System.Net;
using TipLine.Contracts;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Translation;

/// <summary>
/// A pair APY does not have, translated by the next engine in the district's order: a Vietnamese web tip arrives
/// translated, the team's question reaches the reporter in Vietnamese and the answer comes back translated, each part
/// naming its engine. A second district order shows an engine that asks to slow down handing the tip to the next.
/// </summary>
public sealed class VietnameseTipTests : IAsyncLifetime
{
    private const string Threat = "Một bạn nam nói ngày mai sẽ mang súng đến trường và bắn mọi người";
    private const string ThreatInEnglish = "A boy said he will bring a gun to school tomorrow and shoot everyone";
    private const string Question = "Where is the boy now?";
    private const string QuestionInVietnamese = "Bạn nam đó bây giờ đang ở đâu?";
    private const string Answer = "Bạn ấy đang ở thư viện";
    private const string AnswerInEnglish = "He is in the library";

    private AppEnvironment environment = null!;
    private FakeTranslationApis apis = null!;

    public async Task InitializeAsync()
    {
        environment = await AppEnvironment.CreateAsync();
        apis = await FakeTranslationApis.StartAsync();
        apis.Add("vi", "en", Threat, ThreatInEnglish);
        apis.Add("en", "vi", Question, QuestionInVietnamese);
        apis.Add("vi", "en", Answer, AnswerInEnglish);
    }

    public async Task DisposeAsync()
    {
        await apis.DisposeAsync();
        await environment.DisposeAsync();
    }

    [Fact]
    public async Task A_Vietnamese_tip_question_and_answer_are_translated_by_the_chat_model_and_the_case_says_so()
    {
        // APY (when the test machine runs it) comes first and has no Vietnamese: the chat model is the next engine.
        await using var app = await TipLineApp.StartAsync(environment, settings: new Dictionary<string, string?>
        {
            ["Translation:ChatCompletions:BaseUrl"] = apis.ChatUrl.ToString(),
            ["Translation:ChatCompletions:Model"] = FakeTranslationApis.ChatModel,
            ["Translation:ChatCompletions:ApiKey"] = FakeTranslationApis.ChatKey,
            ["Translation:ChatCompletions:Languages"] = "en,vi",
        });
        using var reporter = new ReporterClient(app.CreateClient());
        var submitted = await reporter.SubmitAsync("vi", DemoDistrict.LincolnHigh, Threat);
        Assert.Equal(HttpStatusCode.OK, submitted.Status);

        using var staff = await StaffClient.SignInAsync(app, "admin@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        var detail = await staff.CaseAsync(queued.CaseId);
        Assert.Equal("vi", detail.ReporterLanguage);
        Assert.False(detail.NeedsTranslation);
        Assert.Equal(ThreatInEnglish, detail.Translation!.WhatHappened);
        Assert.Equal(Threat, detail.Original.WhatHappened);
        Assert.Equal("chat model test-model", detail.TranslatedBy);
        Assert.True(detail.SuggestedUrgency >= SuggestedUrgency.High, $"A translated gun threat was suggested {detail.SuggestedUrgency}.");
        Assert.Contains("Machine translation by chat model test-model", await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(queued.CaseId, Question));
        var page = await Eventually.GetAsync(async () =>
        {
            var (status, html) = await reporter.OpenFollowupAsync("vi", submitted.Code!, submitted.Passphrase!);
            Assert.Equal(HttpStatusCode.OK, status);
            return html.Contains("from-team", StringComparison.Ordinal) ? WebUtility.HtmlDecode(html) : null;
        }, what: "the team's question on the follow-up page");
        Assert.Contains(QuestionInVietnamese, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, await reporter.AnswerAsync("vi", Answer));
        var answered = await Eventually.GetAsync(async () =>
        {
            var c = await staff.CaseAsync(queued.CaseId);
            return c.Conversation.Any(m => m.FromReporter) && c.Conversation.Any(m => !m.FromReporter && m.Translation is not null) ? c : null;
        }, what: "the answer and the question's translation on the case");
        var answer = answered.Conversation.Single(m => m.FromReporter);
        Assert.Equal((Answer, AnswerInEnglish, "chat model test-model"), (answer.Text, answer.Translation, answer.TranslatedBy));
        var question = answered.Conversation.Single(m => !m.FromReporter);
        Assert.Equal((Question, QuestionInVietnamese, "chat model test-model"), (question.Text, question.Translation, question.TranslatedBy));
        var casePage = WebUtility.HtmlDecode(await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}"));
        Assert.Contains("sent in Vietnamese, translated by chat model test-model", casePage, StringComparison.Ordinal);
        Assert.Contains(AnswerInEnglish, casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_that_asks_to_slow_down_hands_the_tip_to_the_next_in_the_pairs_order()
    {
        await using var app = await TipLineApp.StartAsync(environment, settings: new Dictionary<string, string?>
        {
            ["Translation:LibreTranslate:BaseUrl"] = apis.LibreTranslateUrl.ToString(),
            ["Translation:LibreTranslate:ApiKey"] = FakeTranslationApis.LibreKey,
            ["Translation:Azure:Endpoint"] = apis.AzureUrl.ToString(),
            ["Translation:Azure:Key"] = FakeTranslationApis.AzureKey,
            ["Translation:Azure:Region"] = FakeTranslationApis.AzureRegion,
            ["Translation:Pairs:vi-en"] = "libretranslate,azure",
        });
        apis.RateLimitNext("libre", 1);
        using var reporter = new ReporterClient(app.CreateClient());
        await reporter.SubmitAsync("vi", DemoDistrict.LincolnHigh, Threat);

        using var staff = await StaffClient.SignInAsync(app, "admin@demo.tipline.test");
        var detail = await staff.CaseAsync((await staff.WaitForCaseAsync()).CaseId);

        Assert.Equal(ThreatInEnglish, detail.Translation!.WhatHappened);
        Assert.Equal("Azure AI Translator", detail.TranslatedBy);
        Assert.Equal(["libre", "azure"], apis.Translations.Select(t => t.Api));
        Assert.DoesNotContain("một bạn nam", app.Logs.All, StringComparison.OrdinalIgnoreCase);
    }
}
