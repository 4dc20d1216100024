using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TipLine.Contracts;
using TipLine.Teams.Alerts;
using TipLine.Twilio;
using TipLine.TwilioTests;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>The SMS alert sender the on-call escalation will use, against the local Twilio stand-in.</summary>
public sealed class SmsAlertTests
{
    [Fact]
    public async Task An_SMS_alert_carries_school_urgency_and_link_and_nothing_else()
    {
        await using var twilio = await FakeTwilioApi.StartAsync([new Answer(201, FakeTwilioApi.Created("SM" + new string('b', 32), SmsDistrict.AccountSid))]);
        await using var services = Services(twilio);
        var sender = services.GetRequiredService<SmsAlertSender>();
        var caseId = Guid.NewGuid();

        var link = new Uri($"https://staff.example.org/staff/cases/{caseId}");

        var result = await sender.SendAsync("+15550009999", new Alert("Lincoln High School", SuggestedUrgency.High, link), CancellationToken.None);

        Assert.True(result.Sent);
        var sent = Assert.Single(twilio.Requests);
        Assert.Equal("+15550001111", sent.Form["From"]);
        Assert.Equal("+15550009999", sent.Form["To"]);
        Assert.Equal($"TipLine: new HIGH-urgency tip for Lincoln High School. Open https://staff.example.org/staff/cases/{caseId}", sent.Form["Body"]);
    }

    [Fact]
    public async Task A_refused_alert_is_reported_so_escalation_can_fall_back_to_email()
    {
        await using var twilio = await FakeTwilioApi.StartAsync([new Answer(400, FakeTwilioApi.Error(21610, "Attempt to send to unsubscribed recipient", 400))]);
        await using var services = Services(twilio);

        var result = await services.GetRequiredService<SmsAlertSender>()
            .SendAsync("+15550009999", new Alert("Lincoln High School", SuggestedUrgency.Imminent, new Uri("https://staff.example.org/staff/cases/1")), CancellationToken.None);

        Assert.False(result.Sent);
        Assert.Equal("refused (21610)", result.Detail);
        Assert.Single(twilio.Requests);
    }

    private static ServiceProvider Services(FakeTwilioApi twilio)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = SmsDistrict.AccountSid,
            ["Twilio:AuthToken"] = SmsDistrict.AuthToken,
            ["Twilio:PublicBaseUrl"] = SmsDistrict.PublicBaseUrl,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString().TrimEnd('/'),
            ["Twilio:RetryBaseDelay"] = "00:00:00.010",
            ["Alerts:SmsFrom"] = "+15550001111",
            ["Alerts:StaffBaseUrl"] = "https://staff.example.org",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection("Alerts"));
        services.AddTwilio(configuration).AddScoped<SmsAlertSender>();
        return services.BuildServiceProvider();
    }
}
