using System.Diagnostics;
using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Bus;

[Collection(Alone.Name)]
public sealed class BrokerOutageTests : RunningDistrict
{
    [Fact]
    public async Task A_tip_submitted_while_RabbitMQ_is_stopped_is_accepted_and_reaches_the_queue_after_restart()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        var form = await reporter.OpenFormAsync("en");
        await Environment.Services.RabbitCtlAsync("stop_app");
        try
        {
            var clock = Stopwatch.StartNew();
            var submitted = await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "I heard someone say they will bring a knife tomorrow", form: form);
            clock.Stop();

            Assert.Equal(HttpStatusCode.OK, submitted.Status);
            Assert.NotNull(submitted.Code);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Accepting took {clock.Elapsed} with the broker down.");
            Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM intake.outbox_messages WHERE message_type LIKE '%ReportSubmitted'"));
        }
        finally
        {
            await Environment.Services.RabbitCtlAsync("start_app");
        }

        using var staff = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync(within: TimeSpan.FromSeconds(90));
        Assert.Equal(TipLine.Contracts.SuggestedUrgency.Imminent, queued.SuggestedUrgency);
    }
}
