using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

/// <summary>Twilio's word on an alert text whose send was never recorded is deleted after its time; a recent one stays.</summary>
public sealed class EarlyStatusPurgeTests : EscalationDistrict
{
    protected override IDictionary<string, string?> MoreSettings =>
        new Dictionary<string, string?>(base.MoreSettings) { ["Escalation:EarlyStatusKeptFor"] = "00:01:00" };

    [Fact]
    public async Task An_orphan_early_status_is_deleted_after_its_time_and_a_recent_one_is_kept()
    {
        await App.Database.ScalarAsync<int>("""
            INSERT INTO teams.alert_status_early ("MessageSid", "Status", "ErrorCode", "ReceivedAt") VALUES
                ('SM00000000000000000000000000000old', 'undelivered', 30007, now() - interval '2 days'),
                ('SM00000000000000000000000000000new', 'delivered', NULL, now());
            SELECT 1
            """);

        // The purge runs every quarter of the kept time (here 15 s): the old one goes.
        await Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.alert_status_early WHERE \"MessageSid\" LIKE '%old'") == 0 ? "" : null,
            TimeSpan.FromSeconds(60), "the orphan status purged");
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.alert_status_early WHERE \"MessageSid\" LIKE '%new'"));
    }
}
