using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Twilio.Messages;
using static TipLine.TwilioTests.TwilioClientFactory;

namespace TipLine.TwilioTests;

public class TwilioStoredCopiesTests
{
    public static TheoryData<int, CopyDeletion?> Answers => new()
    {
        { 204, CopyDeletion.Deleted },
        { 200, CopyDeletion.Deleted },
        { 404, CopyDeletion.AlreadyGone },
        { 400, CopyDeletion.Refused },
        { 403, CopyDeletion.Refused },
        { 500, null }, // thrown, after the pipeline's retries, for the queue to try again
        { 429, null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Each_of_Twilio_s_answers_to_a_deletion_means_one_thing(int status, CopyDeletion? expected)
    {
        await using var api = await FakeTwilioApi.StartAsync([]);
        api.AnswerCopyDeletionsWith(status);
        await using var services = Services(api.BaseUrl);
        var copies = services.GetRequiredService<TwilioStoredCopies>();

        if (expected is { } outcome)
        {
            Assert.Equal(outcome, await copies.DeleteRecordingAsync("RE1", default));
            Assert.Equal(1, api.CopyRequests);
        }
        else
        {
            var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => copies.DeleteRecordingAsync("RE1", default));
            Assert.Equal((HttpStatusCode)status, thrown.StatusCode);
            Assert.Equal(1 + Retries, api.CopyRequests);
        }
    }

    [Fact]
    public async Task Media_and_message_bodies_go_to_their_documented_resources_with_our_credentials()
    {
        await using var api = await FakeTwilioApi.StartAsync([]);
        await using var services = Services(api.BaseUrl);
        var copies = services.GetRequiredService<TwilioStoredCopies>();

        Assert.Equal(CopyDeletion.Deleted, await copies.DeleteMediaAsync("MM1", "ME1", default));
        Assert.Equal(CopyDeletion.Deleted, await copies.RedactBodyAsync("SM1", default));

        Assert.Equal([$"DELETE /2010-04-01/Accounts/{AccountSid}/Messages/MM1/Media/ME1.json", $"POST /2010-04-01/Accounts/{AccountSid}/Messages/SM1.json"],
            api.CopyDeletions);
    }

    [Theory]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME0123", "ME0123")]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME0123.json", "ME0123")]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE0123", null)]
    [InlineData("https://example.com/picture.jpg", null)]
    [InlineData("not a url", null)]
    public void The_media_sid_is_read_from_Twilio_s_media_URL(string url, string? sid)
    {
        Assert.Equal(sid, TwilioStoredCopies.MediaSidOf(url));
    }
}
