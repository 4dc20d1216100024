using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Contracts;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Api;
using Xunit;

namespace TipLine.IntegrationTests.Bus;

public sealed class ErrorQueueTests : RunningDistrict
{
    private const string QuestionErrors = "tipline-reporter-question-ready_error";

    [Fact]
    public async Task A_message_that_always_fails_waits_in_its_error_queue_where_administrators_see_it_while_tips_keep_flowing()
    {
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var before = await admin.Http.GetFromJsonAsync<HealthResponse>("/api/admin/health", StaffClient.Json);
        Assert.Contains(before!.ErrorQueues!, q => q is { Queue: QuestionErrors, Messages: 0 });

        // A question for a channel without a reply path fails every retry.
        await App.Services.GetRequiredService<IBus>().Publish(new ReporterQuestionReady(Guid.NewGuid(), Guid.NewGuid(), "fax", "Are you safe?", "en",
            "Are you safe?", "en", false, DateTimeOffset.UtcNow));
        using var reporter = new ReporterClient(App.CreateClient());
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone wrote a threat on the bathroom wall");
        using var counselor = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        await counselor.WaitForCaseAsync();

        var health = await Eventually.GetAsync(async () =>
            await admin.Http.GetFromJsonAsync<HealthResponse>("/api/admin/health", StaffClient.Json) is { } h
            && h.ErrorQueues!.Any(q => q is { Queue: QuestionErrors, Messages: 1 }) ? h : null, what: "the failed question in its error queue");
        Assert.All(health.ErrorQueues!.Where(q => q.Queue != QuestionErrors), q => Assert.Equal(0, q.Messages));
        var page = await admin.Http.GetStringAsync("/staff");
        Assert.Contains($"{QuestionErrors}: 1", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Are you safe", page, StringComparison.Ordinal);
    }
}

/// <summary>A failed message keeps tip text: its error queue expires it after the district's setting.</summary>
public sealed class ErrorQueueRetentionTests : RunningDistrict
{
    private const string QuestionErrors = "tipline-reporter-question-ready_error";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Bus:RabbitMq:ErrorQueueRetention"] = "00:00:03" };

    [Fact]
    public async Task A_failed_message_leaves_its_error_queue_after_the_retention_period()
    {
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");

        await App.Services.GetRequiredService<IBus>().Publish(new ReporterQuestionReady(Guid.NewGuid(), Guid.NewGuid(), "fax", "Are you safe?", "en",
            "Are you safe?", "en", false, DateTimeOffset.UtcNow));

        await Eventually.GetAsync(async () => App.Logs.All.Contains("Error and skipped queues expire messages after 00:00:03", StringComparison.Ordinal)
            && await ErrorsAsync(admin) == 1 ? "" : null, within: TimeSpan.FromSeconds(60), what: "the failed question parked in its error queue");
        await Eventually.GetAsync(async () => await ErrorsAsync(admin) == 0 ? "" : null, within: TimeSpan.FromSeconds(30),
            what: "the failed question expired from its error queue");
    }

    private static async Task<long?> ErrorsAsync(StaffClient admin) =>
        (await admin.Http.GetFromJsonAsync<HealthResponse>("/api/admin/health", StaffClient.Json))?.ErrorQueues?
            .SingleOrDefault(q => q.Queue == QuestionErrors)?.Messages;
}
