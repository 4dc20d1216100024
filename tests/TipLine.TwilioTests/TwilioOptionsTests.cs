using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TipLine.Twilio;
using TipLine.Twilio.Messages;

namespace TipLine.TwilioTests;

public class TwilioOptionsTests
{
    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTwilio(builder.Configuration);
        return builder.Build();
    }

    private static Dictionary<string, string?> Valid() => TwilioClientFactory.Settings(new Uri("https://api.twilio.com"));

    [Fact]
    public async Task Without_a_twilio_section_the_host_still_starts()
    {
        using var host = Host([]);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task With_a_valid_section_the_host_starts_and_the_client_resolves()
    {
        using var host = Host(Valid());

        await host.StartAsync();
        Assert.NotNull(host.Services.GetRequiredService<TwilioMessagesClient>());
        Assert.Equal("https://api.twilio.com/", host.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl);
        await host.StopAsync();
    }

    [Fact]
    public void The_api_base_url_defaults_to_twilio()
    {
        Assert.Equal("https://api.twilio.com", new TwilioOptions().ApiBaseUrl);
    }

    [Theory]
    [InlineData("Twilio:AccountSid", "", "AccountSid")]
    [InlineData("Twilio:AccountSid", "SK0123456789abcdef0123456789abcdef", "AccountSid")]
    [InlineData("Twilio:AuthToken", "", "AuthToken")]
    [InlineData("Twilio:PublicBaseUrl", "", "PublicBaseUrl")]
    [InlineData("Twilio:PublicBaseUrl", "tips.example.org", "PublicBaseUrl")]
    [InlineData("Twilio:PublicBaseUrl", "https://tips.example.org/?x=1", "PublicBaseUrl")]
    [InlineData("Twilio:PublicBaseUrl", "https://user:pw@tips.example.org", "PublicBaseUrl")]
    [InlineData("Twilio:PublicBaseUrl", "ftp://tips.example.org", "PublicBaseUrl")]
    [InlineData("Twilio:ApiBaseUrl", "not a url", "ApiBaseUrl")]
    [InlineData("Twilio:MaxRetryAttempts", "11", "MaxRetryAttempts")]
    [InlineData("Twilio:AttemptTimeout", "00:00:00", "AttemptTimeout")]
    [InlineData("Twilio:MaxMediaBytes", "0", "MaxMediaBytes")]
    public async Task A_present_but_invalid_section_stops_the_host_at_start(string key, string value, string named)
    {
        var settings = Valid();
        settings[key] = value;
        using var host = Host(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
