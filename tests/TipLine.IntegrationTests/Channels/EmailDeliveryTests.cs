using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>No tip mail is lost or doubled: restarts, a changed UIDVALIDITY, a failed commit.</summary>
public sealed class EmailDeliveryTests : EmailDistrict
{
    /// <summary>Lincoln's tips arrive in their own folder here, so the test can delete and recreate it (INBOX cannot be).</summary>
    protected override string TipFolder => "Tips";

    [Fact]
    public async Task A_poller_restarted_mid_batch_creates_no_duplicates()
    {
        var tips = Enumerable.Range(1, 6).Select(i => Tip(MailServer.NewUser("student", "example.test"), LincolnTips, $"tip {i}",
            $"Tip number {i}: someone is planning a fight after school.")).ToList();
        foreach (var tip in tips) await Mail.AppendAsync(LincolnTips, tip, TipFolder);
        await Eventually.GetAsync(async () => await CountAsync("intake.reports") > 0 ? "" : null, what: "the first tips accepted");

        await RestartAsync();
        // A mail that was committed but never moved (the process died in between) is in the inbox again.
        await Mail.AppendAsync(LincolnTips, tips[0], TipFolder);

        await Eventually.GetAsync(async () => await Mail.CountAsync(LincolnTips, TipFolder) == 0 ? "" : null, what: "an empty tip folder");
        Assert.Equal(6L, await CountAsync("intake.reports"));
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        await Eventually.GetAsync(async () => (await staff.QueueAsync()).Count == 6 ? "" : null, what: "six cases");
        Assert.Equal(7, await Mail.CountAsync(LincolnTips, "Processed"));
        // An acknowledgement cut off by the restart may go out again later, but always as the same mail (one Message-ID).
        foreach (var reporter in tips.Select(t => t.From.Mailboxes.Single().Address))
        {
            Assert.True((await Mail.MessagesAsync(reporter)).Select(m => m.MessageId).Distinct().Count() <= 1);
        }
    }

    [Fact]
    public async Task A_new_UIDVALIDITY_loses_nothing_and_duplicates_nothing()
    {
        var first = Tip(MailServer.NewUser("student", "example.test"), LincolnTips, "first", "Someone brought a gun to the parking lot.");
        var second = Tip(MailServer.NewUser("student", "example.test"), LincolnTips, "second", "A student is being threatened online.");
        await Mail.AppendAsync(LincolnTips, first, TipFolder);
        await Mail.AppendAsync(LincolnTips, second, TipFolder);
        await Eventually.GetAsync(async () => await CountAsync("intake.email_inbound") == 2 ? "" : null, what: "both tips read");

        // The server renumbers the folder (a restore or migration): the same two mails come back under new UIDs, with one new.
        var (before, after) = await Mail.RecreateAsync(LincolnTips, TipFolder);
        Assert.NotEqual(before, after);
        var third = Tip(MailServer.NewUser("student", "example.test"), LincolnTips, "third", "Someone said they would hurt a teacher.");
        foreach (var mail in new[] { first, second, third }) await Mail.AppendAsync(LincolnTips, mail, TipFolder);

        await Eventually.GetAsync(async () => await CountAsync("intake.reports") == 3 && await Mail.CountAsync(LincolnTips, TipFolder) == 0 ? "" : null,
            what: "the new tip accepted and the folder empty");
        Assert.Equal(3L, await CountAsync("intake.reports"));
        Assert.Equal((long)after, await App.Database.ScalarAsync<long>("SELECT \"UidValidity\" FROM intake.email_cursors"));
        Assert.Contains("UIDVALIDITY changed", App.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_whose_commit_fails_stays_in_the_inbox_and_is_accepted_once_the_database_takes_it()
    {
        await App.Database.ScalarAsync<int>("""
            CREATE FUNCTION intake.refuse_reports() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
            CREATE TRIGGER refuse_reports BEFORE INSERT ON intake.reports FOR EACH ROW EXECUTE FUNCTION intake.refuse_reports();
            SELECT 1;
            """);
        var reporter = MailServer.NewUser("student", "example.test");
        await Mail.AppendAsync(LincolnTips, Tip(reporter, LincolnTips, "tip", "A student has a list of people he wants to hurt."), TipFolder);

        await Eventually.GetAsync(() => Task.FromResult(App.Logs.All.Split("not accepted").Length > 2 ? "" : null), what: "two failed attempts");
        Assert.Equal(1, await Mail.CountAsync(LincolnTips, TipFolder));
        Assert.Equal(0, await Mail.CountAsync(LincolnTips, "Processed"));
        Assert.Equal(0L, await CountAsync("intake.email_inbound"));

        await App.Database.ScalarAsync<int>("DROP TRIGGER refuse_reports ON intake.reports; SELECT 1;");
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var detail = await staff.CaseAsync((await staff.WaitForCaseAsync()).CaseId);
        Assert.Contains("list of people", detail.Original.WhatHappened, StringComparison.Ordinal);
        await Eventually.GetAsync(async () => await Mail.CountAsync(LincolnTips, TipFolder) == 0 ? "" : null, what: "the mail moved after its commit");
        Assert.Equal(1, await Mail.CountAsync(LincolnTips, "Processed"));
    }
}
