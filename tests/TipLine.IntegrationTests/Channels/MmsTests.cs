using System.Diagnostics;
using System.Net;
using System.Text;
using ImageMagick;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Bus.Telemetry;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>Pictures sent by MMS: queued by the webhook, downloaded later, cleaned of metadata for the team, original sealed.</summary>
public sealed class MmsTests : SmsDistrict
{
    private const string Student = "+15551230002";
    private const string GpsMarker = "GPS-LAT-40.7128-LON-74.0060";
    private const string MediaSid = "ME0123456789abcdef0123456789abcdef";
    private const string GifSid = "ME0123456789abcdef0123456789abcdee";
    private const string OtherSid = "ME0123456789abcdef0123456789abcded";
    private readonly TaskCompletionSource downloadsAllowed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int downloads, otherDownloads;

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Work:Mms:PollInterval"] = "00:00:00.200",
        ["Work:Mms:RetryBaseDelay"] = "00:00:00.200",
        ["Work:Mms:MaxAttempts"] = "2",
    };

    protected override void TwilioRoutes(WebApplication api) =>
        api.MapGet("/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}/Media/{mediaSid}", async (string mediaSid) =>
        {
            if (mediaSid == GifSid) return Results.Bytes([.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x3B], "image/gif");
            if (mediaSid == OtherSid)
            {
                Interlocked.Increment(ref otherDownloads);
                return Results.Bytes(Jpeg(), "image/jpeg");
            }
            if (mediaSid != MediaSid) return Results.NotFound();
            await downloadsAllowed.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Interlocked.Increment(ref downloads);
            return Results.Bytes(Jpeg(), "image/jpeg");
        });

    private Dictionary<string, string> Mms(string to, string body, string contentType = "image/jpeg", string mediaSid = MediaSid,
        string from = Student)
    {
        var form = Sms(from, to, body);
        form["NumMedia"] = "1";
        form["MediaUrl0"] = $"{Twilio.BaseUrl.ToString().TrimEnd('/')}/2010-04-01/Accounts/{AccountSid}/Messages/{form["MessageSid"]}/Media/{mediaSid}";
        form["MediaContentType0"] = contentType;
        return form;
    }

    [Fact]
    public async Task A_picture_reaches_the_school_team_without_its_metadata_and_the_webhook_never_waits_for_the_download()
    {
        var clock = Stopwatch.StartNew();
        var (status, reply) = await PostWebhookAsync("/twilio/sms", Mms(DemoDistrict.LincolnHighNumber, "look what he posted"));
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("we received your tip", WebUtility.HtmlDecode(reply), StringComparison.Ordinal);
        // The download is still held back: the webhook answered without it.
        Assert.Equal(0, downloads);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"webhook took {clock.Elapsed}");
        Assert.Equal(1L, await CountAsync("intake.mms_pending"));
        downloadsAllowed.SetResult();

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync(within: TimeSpan.FromSeconds(60));
        var attachment = await WaitForAttachmentAsync(staff, queued.CaseId);

        using var opened = await staff.Http.GetAsync($"/staff/cases/{queued.CaseId}/attachments/{attachment}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("image/jpeg", opened.Content.Headers.ContentType?.MediaType);
        AssertClean(await opened.Content.ReadAsByteArrayAsync());

        var page = await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}");
        Assert.Contains($"<img src=\"/staff/cases/{queued.CaseId}/attachments/{attachment}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<audio", page, StringComparison.Ordinal);

        using (var otherTeam = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test"))
        using (var refused = await otherTeam.Http.GetAsync($"/staff/cases/{queued.CaseId}/attachments/{attachment}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(1, downloads);
        Assert.Equal(0L, await CountAsync("intake.mms_pending"));
        Assert.Equal(1L, await CountAsync("intake.mms_media"));
        // Twilio's copies go once ours are committed: the picture, and the text's body.
        await Eventually.GetAsync(async () => await CountAsync("intake.twilio_copy_deletions") == 0 ? "" : null, what: "Twilio's copies deleted");
        Assert.Equal(2, Twilio.CopyDeletions.Count);
        Assert.Single(Twilio.CopyDeletions, d => d.StartsWith("DELETE ", StringComparison.Ordinal) && d.EndsWith($"/Media/{MediaSid}.json", StringComparison.Ordinal));
        // Only the sealed original (never readable in the database) and the cleaned copy exist.
        Assert.DoesNotContain(GpsMarker, await App.Database.EverythingStoredAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(GpsMarker, App.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Student, App.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picture_sent_before_the_school_is_named_joins_the_report_once_it_is()
    {
        downloadsAllowed.SetResult();
        var (_, ask) = await PostWebhookAsync("/twilio/sms", Mms(DemoDistrict.DistrictNumber, ""));
        Assert.Contains("Which school", WebUtility.HtmlDecode(ask), StringComparison.Ordinal);
        // Another student's picture, sent after it to a school that is named, is fetched: the worker has run since the first
        // was queued, and left it alone, because it has no report yet.
        await PostWebhookAsync("/twilio/sms", Mms(DemoDistrict.DistrictNumber, "RMS look at this", mediaSid: OtherSid, from: "+15551230003"));
        await Eventually.GetAsync(async () => Volatile.Read(ref otherDownloads) > 0 && await CountAsync("intake.mms_pending") == 1 ? "" : null,
            what: "the other picture fetched and stored");
        Assert.Equal(0, downloads);
        // The held picture is work still waiting, as the work-queue depth gauge says.
        var depth = await ActivatorUtilities.CreateInstance<PipelineDepthSampler>(App.Services, TimeSpan.FromMinutes(1), false).SampleAsync(CancellationToken.None);
        Assert.Equal(1L, depth.Pending["Mms"]);

        await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.DistrictNumber, "LHS he is showing this around"));

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync(within: TimeSpan.FromSeconds(60));
        var attachment = await WaitForAttachmentAsync(staff, queued.CaseId);
        using var opened = await staff.Http.GetAsync($"/staff/cases/{queued.CaseId}/attachments/{attachment}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        AssertClean(await opened.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_picture_after_the_tip_joins_the_same_case()
    {
        downloadsAllowed.SetResult();
        await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "someone keeps threatening my friend"));
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync(within: TimeSpan.FromSeconds(60));

        var (_, reply) = await PostWebhookAsync("/twilio/sms", Mms(DemoDistrict.LincolnHighNumber, ""));

        Assert.Contains("we added this to your tip", WebUtility.HtmlDecode(reply), StringComparison.Ordinal);
        var attachment = await WaitForAttachmentAsync(staff, queued.CaseId);
        using var opened = await staff.Http.GetAsync($"/staff/cases/{queued.CaseId}/attachments/{attachment}");
        AssertClean(await opened.Content.ReadAsByteArrayAsync());
        Assert.Equal(1L, await CountAsync("intake.reports"));
        Assert.Single(await staff.QueueAsync());
    }

    [Fact]
    public async Task A_gif_is_kept_sealed_and_never_shown_to_the_team()
    {
        downloadsAllowed.SetResult();
        await PostWebhookAsync("/twilio/sms", Mms(DemoDistrict.LincolnHighNumber, "this is going around", contentType: "image/gif", mediaSid: GifSid));

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync(within: TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await CountAsync("intake.mms_pending") > 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(1L, await CountAsync("intake.mms_media"));
        Assert.Empty((await staff.CaseAsync(queued.CaseId)).AttachmentIds);
        // The team is told a picture came and why it is not shown, with nothing of the file.
        var page = await Eventually.GetAsync(async () => await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}") is { } html
            && html.Contains("A picture sent with this tip is not shown (not a picture type TipLine shows); the original is kept sealed.",
                StringComparison.Ordinal) ? html : null, what: "the note on the case page");
        Assert.DoesNotContain(GifSid, page, StringComparison.Ordinal);
    }

    private static async Task<Guid> WaitForAttachmentAsync(StaffClient staff, Guid caseId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var detail = await staff.CaseAsync(caseId);
            if (detail.AttachmentIds.Count > 0) return Assert.Single(detail.AttachmentIds);
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The picture never reached the case.");
            await Task.Delay(250);
        }
    }

    /// <summary>A real 64×48 JPEG whose EXIF (description, camera) and comment carry a GPS position and a device name.</summary>
    internal static byte[] Jpeg()
    {
        using var image = new MagickImage(MagickColors.SteelBlue, 64, 48);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.ImageDescription, GpsMarker);
        exif.SetValue(ExifTag.Model, "Planted-Phone-" + GpsMarker);
        image.SetProfile(exif);
        image.SetAttribute("comment", "near " + GpsMarker);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>The team's copy: a JPEG of the same size that carries nothing of the planted metadata, nor any EXIF at all.</summary>
    internal static void AssertClean(byte[] picture)
    {
        Assert.True(picture.AsSpan().IndexOf(Encoding.ASCII.GetBytes(GpsMarker)) < 0, "the team's copy must not carry the GPS metadata");
        using var image = new MagickImage(picture);
        Assert.Equal((MagickFormat.Jpeg, 64u, 48u), (image.Format, image.Width, image.Height));
        Assert.Null(image.GetExifProfile());
        Assert.True(string.IsNullOrEmpty(image.Comment));
    }
}
