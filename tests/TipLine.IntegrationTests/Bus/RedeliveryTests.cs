using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Contracts;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Bus;

public sealed class RedeliveryTests : RunningDistrict
{
    [Fact]
    public async Task The_same_bus_message_delivered_twice_creates_one_case()
    {
        var bus = App.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var report = new ReportSubmitted(Guid.NewGuid(), DemoDistrict.LincolnHigh, ChannelNames.WebForm, "R-TEST", "en",
            new TipContent("Someone wrote a threat on the bathroom wall", null, null), false, DateTimeOffset.UtcNow);

        await bus.Publish(report, c => c.MessageId = messageId);
        await bus.Publish(report, c => c.MessageId = messageId);

        using var staff = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        await staff.WaitForCaseAsync();
        // Evidence that the second delivery reached routing and was skipped by its inbox (not by a unique index elsewhere).
        await Eventually.GetAsync(() => Task.FromResult(App.Logs.All.Contains($"Message {messageId} already handled by ReportSubmittedConsumer",
            StringComparison.Ordinal) ? (object?)true : null), what: "the duplicate skipped by routing's inbox");
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(App.PublishedMessages, "^ReportRouted ", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.cases"));
        Assert.Single(await staff.QueueAsync());
    }

    [Fact]
    public async Task A_report_routed_twice_under_different_message_ids_still_opens_one_case()
    {
        var bus = App.Services.GetRequiredService<IBus>();
        var report = new ReportSubmitted(Guid.NewGuid(), DemoDistrict.LincolnHigh, ChannelNames.WebForm, "R-TEST", "en",
            new TipContent("A student is being bullied every day at lunch", null, null), false, DateTimeOffset.UtcNow);

        // What the safety net does when it publishes an unconfirmed report again.
        await Task.WhenAll(bus.Publish(report), bus.Publish(report));

        await Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.inbox_messages WHERE consumer = 'ReportRoutedConsumer'") >= 2 ? (object)true : null,
            what: "both routings to reach the team queue");
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.cases"));
    }

    [Fact]
    public async Task An_answer_that_arrives_before_its_case_joins_the_case_when_it_opens()
    {
        var bus = App.Services.GetRequiredService<IBus>();
        var reportId = Guid.NewGuid();
        await bus.Publish(new ReporterAnswerTranslated(Guid.NewGuid(), reportId, "It is in his locker", "en", null, "en", false, DateTimeOffset.UtcNow));
        await Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.early_answers") == 1 ? (object)true : null,
            what: "the early answer to be kept");

        await bus.Publish(new ReportSubmitted(reportId, DemoDistrict.LincolnHigh, ChannelNames.Sms, "R-TEST", "en",
            new TipContent("He showed a gun at lunch", null, null), false, DateTimeOffset.UtcNow));

        using var staff = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var detail = await staff.CaseAsync((await staff.WaitForCaseAsync()).CaseId);
        Assert.Equal("It is in his locker", Assert.Single(detail.Conversation).Text);
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.early_answers"));
    }
}
