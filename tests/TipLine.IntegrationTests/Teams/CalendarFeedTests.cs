using System.Net;
using System.Text.RegularExpressions;
using Ical.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Teams;

public sealed class CalendarFeedTests : RunningDistrict
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private Guid Staff(string email) => App.Accounts.Single(a => a.Email == email).StaffId;

    private static string FeedUrl(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<code id=\"feed-url\">([^<]+)</code>").Groups[1].Value);

    [Fact]
    public async Task A_member_subscribes_to_their_shifts_and_a_calendar_app_reads_them_at_the_right_local_time()
    {
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        await new OnCallPage(admin.Http).SaveRotationAsync(DemoDistrict.LincolnTeam,
            [Staff("counselor@demo.tipline.test"), Staff("sro@demo.tipline.test")], leftOut: [Staff("admin@demo.tipline.test")]);
        using var counselor = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var (status, html) = await new OnCallPage(counselor.Http).PostAsync("createFeed", null, []);
        var url = FeedUrl(html);

        using var calendarApp = new HttpClient();   // no cookie, like a calendar app
        using var response = await calendarApp.GetAsync(url);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var events = calendar.Events.OrderBy(e => e.Start!.AsUtc).ToList();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith(App.BaseAddress.ToString().TrimEnd('/') + "/staff/oncall/feed/", url, StringComparison.Ordinal);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        // Ten weeks, every other day Sam's: about 35 turns, each from 08:00 to 08:00 the next day, Chicago time.
        Assert.InRange(events.Count, 33, 37);
        Assert.All(events, e =>
        {
            Assert.Equal("On call: Lincoln High BTAM team", e.Summary);
            Assert.True(e.Start!.IsUtc);
        });
        // The first and last are cut at the feed's window; every other turn starts and ends at 08:00 Chicago time.
        var whole = events.Skip(1).SkipLast(1).ToList();
        Assert.All(whole, e =>
        {
            Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.Start!.AsUtc, Chicago)));
            Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.End!.AsUtc, Chicago)));
        });
        Assert.All(whole.Zip(whole.Skip(1)), pair => Assert.Equal(2, (pair.Second.Start!.AsUtc - pair.First.Start!.AsUtc).TotalDays, 0.05));
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.calendar_feeds"));
        var stored = await App.Database.EverythingStoredAsync();
        Assert.DoesNotContain(url[(url.LastIndexOf('/') + 1)..^4], stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replaced_or_revoked_calendar_address_stops_working()
    {
        using var counselor = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var page = new OnCallPage(counselor.Http);
        var first = FeedUrl((await page.PostAsync("createFeed", null, [])).Html);
        var second = FeedUrl((await page.PostAsync("createFeed", null, [])).Html);
        using var calendarApp = new HttpClient();

        var firstAfterReplace = (await calendarApp.GetAsync(first)).StatusCode;
        var secondBeforeRevoke = (await calendarApp.GetAsync(second)).StatusCode;
        var revoked = await page.PostAsync("revokeFeed", null, []);
        var secondAfterRevoke = (await calendarApp.GetAsync(second)).StatusCode;
        var guessed = (await calendarApp.GetAsync(App.BaseAddress + "staff/oncall/feed/" + new string('A', 43) + ".ics")).StatusCode;

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, firstAfterReplace);
        Assert.Equal(HttpStatusCode.OK, secondBeforeRevoke);
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        Assert.Equal(HttpStatusCode.NotFound, secondAfterRevoke);
        Assert.Equal(HttpStatusCode.NotFound, guessed);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'calendar.feed.revoke' AND \"ActorId\" = '{Staff("counselor@demo.tipline.test")}'"));
    }
}
