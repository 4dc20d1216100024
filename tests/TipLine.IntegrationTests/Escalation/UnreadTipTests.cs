using TipLine.Intake.Localization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Contracts;
using TipLine.Directory.Schedules;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

/// <summary>
/// A threat in a language the team cannot machine-translate (here APY offers English–Spanish only) still reaches a person
/// within the High escalation time: it is suggested at least High, its alert says why nobody has read it, and its first
/// alert also goes to a member who reads the language.
/// </summary>
public sealed class UnreadTipTests : EscalationDistrict
{
    /// <summary>Longer than any first alert may take here, shorter than a routine tip's wait for the next digest.</summary>
    private static readonly TimeSpan HighEscalationTime = TimeSpan.FromMinutes(2);

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>(base.MoreSettings)
    {
        ["Escalation:High:EscalateAfter"] = HighEscalationTime.ToString(),
        ["Escalation:Imminent:EscalateAfter"] = HighEscalationTime.ToString(),
    };

    /// <summary>"A student says he will bring a gun to school tomorrow and shoot everyone", as reporters wrote it.</summary>
    private static readonly (string Channel, string Language, string Text)[] GunThreats =
    [
        ("web", "es", "Un estudiante dice que va a traer una pistola a la escuela mañana y disparar a todos."),
        ("web", "vi", "Một học sinh nói rằng cậu ấy sẽ mang súng đến trường vào ngày mai và bắn tất cả mọi người."),
        ("web", "zh-Hans", "一个学生说他明天要带枪来学校，向所有人开枪。"),
        ("web", "ar", "طالب يقول إنه سيحضر مسدساً إلى المدرسة غداً ويطلق النار على الجميع"),
        ("sms", "vi", "1 hs noi se mang sung toi truong ngay mai ban het moi nguoi"),
        ("sms", "so", "Arday ayaa sheegay inuu berri qori keeni doono dugsiga oo uu toogan doono qof walba."),
        ("sms", "ht", "Yon elèv di li pral pote yon zam lekòl la demen epi li pral tire sou tout moun."),
    ];

    [Fact]
    public async Task A_gun_threat_in_any_language_is_suggested_high_or_imminent_and_alerted_within_the_high_escalation_time()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        var phone = 0;
        foreach (var (channel, language, text) in GunThreats)
        {
            if (channel == "web") Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync(language, DemoDistrict.LincolnHigh, text)).Status);
            else Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", Sms($"+1555123{phone++:D4}", DemoDistrict.LincolnHighNumber, text))).Status);
        }
        // And a text no detector can place: no keyword can rate it, so only "nobody has read it" makes it High.
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", Sms("+15551239999", DemoDistrict.LincolnHighNumber, "😭😭😭 !!"))).Status);
        const int Tips = 8;

        // Every tip has a case and a first alert sent; each alert went out within the High escalation time of its tip.
        var alerted = await Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>("""
            SELECT count(DISTINCT c."Id") FROM teams.cases c JOIN teams.alert_attempts a ON c."Id" = ANY(a."CaseIds")
            WHERE a."Level" = 1 AND a."Status" IN ('Sent', 'Delivered')
            """) is var n && n == Tips ? (object?)n : null, TimeSpan.FromSeconds(90), "a sent first alert for every tip");
        Assert.Equal(0L, await App.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM teams.cases c WHERE "SuggestedUrgency" < {(int)SuggestedUrgency.High}
               OR NOT EXISTS (SELECT 1 FROM teams.alert_attempts a WHERE c."Id" = ANY(a."CaseIds") AND a."Level" = 1
                              AND a."SentAt" < c."AcceptedAt" + interval '{HighEscalationTime.TotalSeconds} seconds')
            """));

        // The Spanish tip was translated and read; the others say in their alert why nobody has read them yet.
        using var staff = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var queue = await staff.QueueAsync();
        Assert.Equal(Tips, queue.Count);
        var spanish = await staff.CaseAsync(Assert.Single(queue, q => q.ReporterLanguage == "es").CaseId);
        Assert.Equal((TipReadability.Read, SuggestedUrgency.Imminent), (spanish.Readability, spanish.SuggestedUrgency));
        var vietnamese = await staff.CaseAsync(Assert.Single(queue, q => q.ReporterLanguage == "vi" && q.Channel == "web").CaseId);
        Assert.Equal((TipReadability.NotTranslated, SuggestedUrgency.Imminent), (vietnamese.Readability, vietnamese.SuggestedUrgency));
        var bodies = Twilio.Requests.Select(r => r.Form["Body"]).ToList();
        Assert.Contains(bodies, b => b.Contains("tip for Lincoln High School, in Vietnamese, not yet translated. Open ", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains(", in Chinese (Simplified), not yet translated. Open ", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains(", in Arabic, not yet translated. Open ", StringComparison.Ordinal));
        var unplaced = await staff.CaseAsync(Assert.Single(queue, q => q.ReporterLanguage == "und").CaseId);
        Assert.Equal((TipReadability.LanguageUnknown, SuggestedUrgency.High), (unplaced.Readability, unplaced.SuggestedUrgency));
        Assert.Contains(bodies, b => b.Contains(", in a language not recognised, not yet translated. Open ", StringComparison.Ordinal));
        Assert.Equal(Tips - 1, await App.Database.ScalarAsync<long>(
            "SELECT count(DISTINCT c) FROM teams.alert_attempts, unnest(\"CaseIds\") c WHERE \"Unread\" LIKE '%not yet translated'"));
        Assert.Equal(0L, await AttemptsAsync($"'{spanish.CaseId}' = ANY(\"CaseIds\") AND \"Unread\" IS NOT NULL"));
        Assert.All(bodies, b => Assert.DoesNotContain("súng", b, StringComparison.Ordinal));

        var (status, page) = await GetPageAsync(staff, $"/staff/cases/{vietnamese.CaseId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"unread\">Nobody can read this tip yet: in Vietnamese, not yet translated.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tip_nobody_could_translate_is_alerted_at_once_to_a_member_who_reads_its_language_too()
    {
        // A Lincoln member who is not on call now records that they read Vietnamese.
        var onCall = await OnCallNowAsync();
        var (reader, readerPhone) = onCall == Account("counselor@demo.tipline.test") ? ("sro@demo.tipline.test", Lee) : ("counselor@demo.tipline.test", Sam);
        using (var member = await StaffClient.SignInAsync(App, reader))
        {
            var (_, form) = await GetPageAsync(member, "/staff/languages");
            using var saved = await member.Http.PostAsync("/staff/languages", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", ReporterClient.Token(form)), new("languages", "vi"), new("languages", "xx-not-a-language"),
            ]));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var (_, after) = await GetPageAsync(member, "/staff/languages?saved=true");
            Assert.Contains("id=\"language-vi\" name=\"languages\" value=\"vi\" checked=\"checked\"", after, StringComparison.Ordinal);
            Assert.Equal("{vi}", await App.Database.ScalarAsync<string>(
                $"SELECT \"LanguagesRead\"::text FROM directory.team_members WHERE \"Id\" = '{Account(reader)}'"));
        }

        using var reporter = new ReporterClient(App.CreateClient());
        await reporter.SubmitAsync("vi", DemoDistrict.LincolnHigh, "Có một bạn nói sẽ đánh nhau sau giờ học.");

        // The first level: the member on call (the administrator when nobody is) and, with them, the member who reads it.
        var onCallPhone = onCall is { } id
            ? await App.Database.ScalarAsync<string>($"SELECT \"AlertPhone\" FROM directory.team_members WHERE \"Id\" = '{id}'")
            : Dana;
        var first = (await WaitForSmsAsync(2)).Take(2).ToList();
        Assert.Equal(new[] { readerPhone, onCallPhone }.Order(), first.Select(r => r.Form["To"]).Order());
        Assert.All(first, r => Assert.Contains(", in Vietnamese, not yet translated. Open ", r.Form["Body"], StringComparison.Ordinal));
        Assert.Equal(2L, await AttemptsAsync("\"Level\" = 1"));
    }

    private Guid Account(string email) => App.Accounts.Single(a => a.Email == email).StaffId;

    private async Task<Guid?> OnCallNowAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var shift = await scope.ServiceProvider.GetRequiredService<OnCallDirectory>().OnCallNowAsync(DemoDistrict.LincolnTeam, DateTimeOffset.UtcNow, default);
        return shift?.MemberId;
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetPageAsync(StaffClient staff, string path)
    {
        using var response = await staff.Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
