using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TipLine.Twilio.Messages;
using static TipLine.TwilioTests.TwilioClientFactory;

namespace TipLine.TwilioTests;

public class MediaDownloadTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5];

    [Fact]
    public async Task Media_is_fetched_with_our_credentials_and_the_redirect_to_storage_is_followed_without_them()
    {
        // Twilio answers a media URL with a redirect to its storage, another origin: a second local server here.
        var storageAuth = new ConcurrentQueue<string?>();
        await using var storage = await FakeTwilioApi.StartAsync([], app => app.MapGet("/bucket/ME1", (HttpRequest r) =>
        {
            storageAuth.Enqueue(r.Headers.Authorization);
            return Results.Bytes(Jpeg, "image/jpeg");
        }));
        var apiAuth = new ConcurrentQueue<string?>();
        await using var api = await FakeTwilioApi.StartAsync([], app => app.MapGet("/2010-04-01/Accounts/{a}/Messages/{m}/Media/{me}", (HttpRequest r) =>
        {
            apiAuth.Enqueue(r.Headers.Authorization);
            return Results.Redirect(new Uri(storage.BaseUrl, "/bucket/ME1").ToString());
        }));
        await using var services = Services(api.BaseUrl);

        var media = await services.Client().DownloadMediaAsync(new Uri(api.BaseUrl, $"/2010-04-01/Accounts/{AccountSid}/Messages/MM1/Media/ME1"), default);

        Assert.Equal(Jpeg, media.Content);
        Assert.Equal("image/jpeg", media.ContentType);
        Assert.StartsWith("Basic ", Assert.Single(apiAuth), StringComparison.Ordinal);
        Assert.Null(Assert.Single(storageAuth));
    }

    [Fact]
    public async Task A_failing_download_is_retried()
    {
        var calls = 0;
        await using var api = await FakeTwilioApi.StartAsync([], app => app.MapGet("/rec/RE1", () =>
            Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(503) : Results.Bytes(Jpeg, "audio/x-wav")));
        await using var services = Services(api.BaseUrl);

        var media = await services.Client().DownloadMediaAsync(new Uri(api.BaseUrl, "/rec/RE1"), default);

        Assert.Equal("audio/x-wav", media.ContentType);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Missing_media_fails_without_retries()
    {
        var calls = 0;
        await using var api = await FakeTwilioApi.StartAsync([], app => app.MapGet("/rec/RE404", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.NotFound();
        }));
        await using var services = Services(api.BaseUrl);

        await Assert.ThrowsAsync<HttpRequestException>(() => services.Client().DownloadMediaAsync(new Uri(api.BaseUrl, "/rec/RE404"), default));
        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Media_over_the_size_limit_is_refused_whether_or_not_its_length_is_announced(bool announced)
    {
        var big = new byte[4096];
        await using var api = await FakeTwilioApi.StartAsync([], app => app.MapGet("/big", async (HttpContext c) =>
        {
            c.Response.ContentType = "video/mp4";
            if (announced) c.Response.ContentLength = big.Length;
            await c.Response.Body.WriteAsync(big);
        }));
        await using var services = Services(api.BaseUrl, s => s["Twilio:MaxMediaBytes"] = "1000");

        await Assert.ThrowsAsync<InvalidDataException>(() => services.Client().DownloadMediaAsync(new Uri(api.BaseUrl, "/big"), default));
    }

    [Theory]
    [InlineData("https://attacker.example/steal")]
    [InlineData("http://127.0.0.2/2010-04-01/Accounts/x/Recordings/RE1")]
    [InlineData("https://127.0.0.1/2010-04-01/Accounts/x/Recordings/RE1")]
    public async Task Media_is_never_fetched_from_another_host(string url)
    {
        await using var api = await FakeTwilioApi.StartAsync([]);
        await using var services = Services(api.BaseUrl);

        await Assert.ThrowsAsync<ArgumentException>(() => services.Client().DownloadMediaAsync(new Uri(url), default));
        Assert.Empty(api.Requests);
    }
}
