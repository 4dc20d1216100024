using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Twilio;
using TipLine.Twilio.Messages;

namespace TipLine.TwilioTests;

/// <summary>Builds the client through <see cref="TwilioServiceCollectionExtensions.AddTwilio"/>, pointed at a local server, with short backoff.</summary>
internal static class TwilioClientFactory
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token";
    public const int Retries = 3;

    public static Dictionary<string, string?> Settings(Uri apiBaseUrl) => new()
    {
        ["Twilio:AccountSid"] = AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:PublicBaseUrl"] = "https://tips.example.org",
        ["Twilio:ApiBaseUrl"] = apiBaseUrl.ToString(),
        ["Twilio:MaxRetryAttempts"] = Retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Twilio:RetryBaseDelay"] = "00:00:00.010",
        ["Twilio:RetryMaxDelay"] = "00:00:00.050",
        ["Twilio:AttemptTimeout"] = "00:00:05",
        ["Twilio:TotalTimeout"] = "00:00:30",
    };

    public static ServiceProvider Services(Uri apiBaseUrl, Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = Settings(apiBaseUrl);
        tweak?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddTwilio(configuration).BuildServiceProvider();
    }

    public static TwilioMessagesClient Client(this ServiceProvider services) => services.GetRequiredService<TwilioMessagesClient>();
}
