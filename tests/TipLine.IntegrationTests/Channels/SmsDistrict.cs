using System.Net;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Twilio;
using TipLine.TwilioTests;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>A running district with the SMS channel on, a stand-in for Twilio's REST API, and a signed-webhook sender.</summary>
public abstract class SmsDistrict : IAsyncLifetime
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token-0123456789";
    public const string PublicBaseUrl = "https://tips.example.org";

    protected AppEnvironment Environment { get; private set; } = null!;
    protected TipLineApp App { get; set; } = null!;
    protected FakeTwilioApi Twilio { get; private set; } = null!;

    protected virtual IEnumerable<Answer> TwilioAnswers => [];

    /// <summary>Settings a test class adds to the district's.</summary>
    protected virtual IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();

    /// <summary>Routes the Twilio stand-in serves besides the Messages API (e.g. recording downloads).</summary>
    protected virtual void TwilioRoutes(Microsoft.AspNetCore.Builder.WebApplication api)
    {
    }

    public async Task InitializeAsync()
    {
        Twilio = await FakeTwilioApi.StartAsync(TwilioAnswers, TwilioRoutes);
        Environment = await AppEnvironment.CreateAsync();
        App = await StartAppAsync();
    }

    /// <summary>Starts a TipLine process of this district; a second one shares its database and RabbitMQ vhost.</summary>
    protected Task<TipLineApp> StartAppAsync(bool seed = true) => TipLineApp.StartAsync(Environment, settings: new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl.ToString().TrimEnd('/'),
            ["Twilio:RetryBaseDelay"] = "00:00:00.010",
            ["Twilio:RetryMaxDelay"] = "00:00:00.050",
            ["ReplyNotices:SmsFrom"] = AppEnvironment.NoticeNumber,
            ["Work:TwilioCopy:PollInterval"] = "00:00:00.200",
        }.Concat(MoreSettings).ToDictionary(), seed: seed, replaceServices: ReplaceServices);

    /// <summary>A test class's stand-ins for providers (e.g. an email sender that records).</summary>
    protected virtual void ReplaceServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Environment.DisposeAsync();
        await Twilio.DisposeAsync();
    }

    public enum Signing { Valid, Wrong, Missing }

    /// <summary>Posts a webhook the way Twilio does: form-encoded, signed over the public URL and the sorted parameters.</summary>
    protected async Task<(HttpStatusCode Status, string Body)> PostWebhookAsync(string path, IDictionary<string, string> form, Signing signing = Signing.Valid)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signing != Signing.Missing)
        {
            var token = signing == Signing.Valid ? AuthToken : "someone-else's-token";
            request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(token, PublicBaseUrl + path, form));
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    protected static Dictionary<string, string> Sms(string from, string to, string body, string? messageSid = null, string accountSid = AccountSid) => new()
    {
        ["MessageSid"] = messageSid ?? "SM" + Guid.NewGuid().ToString("N"),
        ["AccountSid"] = accountSid,
        ["From"] = from,
        ["To"] = to,
        ["Body"] = body,
        ["NumMedia"] = "0",
    };

    protected Task<long> CountAsync(string table) => App.Database.ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
