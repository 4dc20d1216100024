using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>Handled mail keeps the sender's address and headers: it leaves the mailbox with the rest of the contact details.</summary>
public sealed class ProcessedMailRetentionTests : EmailDistrict
{
    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?> { ["Privacy:ContactRetentionDays"] = "30" };

    [Fact]
    public async Task Handled_mail_delivered_before_the_retention_period_is_deleted_from_the_processed_folder_and_nothing_else()
    {
        var sender = MailServer.NewUser("old.reporter", "example.test");
        await Mail.AppendAsync(LincolnTips, Tip(sender, LincolnTips, "Past retention", "handled long ago"), "Processed", DateTimeOffset.UtcNow.AddDays(-31));
        await Mail.AppendAsync(LincolnTips, Tip(sender, LincolnTips, "Within retention", "handled last week"), "Processed", DateTimeOffset.UtcNow.AddDays(-7));
        await Mail.AppendAsync(LincolnTips, Tip(sender, LincolnTips, "Not ours to delete", "in the inbox"), "Archive", DateTimeOffset.UtcNow.AddDays(-60));

        await RestartAsync(); // the purge runs when the mailbox is opened, then daily

        var left = await Eventually.GetAsync(async () => await Mail.MessagesAsync(LincolnTips, "Processed") is { Count: 1 } m ? m : null,
            what: "the old mail gone from Processed");
        Assert.Equal("Within retention", left[0].Subject);
        Assert.Equal(1, await Mail.CountAsync(LincolnTips, "Archive"));
    }
}
