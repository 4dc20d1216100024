using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Contracts;
using TipLine.Hosting;
using TipLine.Intake;
using TipLine.Intake.Reporters;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Database;

/// <summary>A district changes its sealing key: every sealed contact is sealed again and still reaches its reporter.</summary>
public sealed class ResealTests
{
    [Fact]
    public async Task Resealing_under_a_new_key_keeps_every_contact_and_a_value_copied_to_another_row_opens_nowhere()
    {
        var oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var district = await AppEnvironment.CreateAsync();
        // Reply notices on, so the form takes contacts (no question is asked: nothing is sent).
        await using (var app = await TipLineApp.StartAsync(district, settings: new Dictionary<string, string?>
        {
            ["Privacy:SealedContactKey"] = oldKey, ["ReplyNotices:SmsFrom"] = AppEnvironment.NoticeNumber,
            ["Twilio:AccountSid"] = "AC" + new string('0', 32), ["Twilio:AuthToken"] = "unused", ["Twilio:PublicBaseUrl"] = "https://tips.example.org",
            ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["ReplyNotices:EmailFrom"] = "notices@tips.test", ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = "9",
        }))
        {
            using var reporter = new ReporterClient(app.CreateClient());
            foreach (var (tip, contact) in new[]
                     {
                         ("Someone wrote a threat in the gym bathroom", "first.parent@example.test"),
                         ("A student said he would bring a knife", "second.parent@example.test"),
                         ("There is a fight planned after school", "(555) 123-0001"),
                     })
            {
                Assert.NotNull((await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, tip, contact: contact)).Code);
            }
        }
        var firstEmail = await ReportWithContactAsync(district, "email", 0);
        var secondEmail = await ReportWithContactAsync(district, "email", 1);
        var sms = await ReportWithContactAsync(district, "sms", 0);
        // As an earlier release stored it: no row binding, no key id.
        Assert.Equal(1L, await district.Database.ScalarAsync<long>($"""
            WITH changed AS (UPDATE intake.sealed_contacts SET "Sealed" = '\x{Convert.ToHexString(EarlierFormat(oldKey, "sms", "+15551230001"))}'::bytea
                             WHERE "ReportId" = '{sms}' RETURNING 1)
            SELECT count(*) FROM changed
            """));

        var output = new StringWriter();
        var unopened = await IntakeModule.ResealAsync(Configuration(district, newKey, retired: oldKey), output);

        Assert.Equal(0, unopened);
        Assert.Contains("sealed_contacts.Sealed (contact-email): 2 resealed, 0 already current, 0 could not be opened", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("sealed_contacts.Sealed (contact-sms): 1 resealed, 0 already current, 0 could not be opened", output.ToString(), StringComparison.Ordinal);
        var again = new StringWriter();
        await IntakeModule.ResealAsync(Configuration(district, newKey, retired: oldKey), again);
        Assert.Contains("reseal: 0 resealed, 3 already current, 0 could not be opened", again.ToString(), StringComparison.Ordinal);

        // The old key is gone from the configuration; every contact still opens, as the reply relay opens it.
        await using var upgraded = await TipLineApp.StartAsync(district, seed: false,
            settings: new Dictionary<string, string?> { ["Privacy:SealedContactKey"] = newKey });
        Assert.Equal("first.parent@example.test", await UnsealAsync(upgraded, firstEmail, ChannelNames.Email));
        Assert.Equal("second.parent@example.test", await UnsealAsync(upgraded, secondEmail, ChannelNames.Email));
        Assert.Equal("+15551230001", await UnsealAsync(upgraded, sms, ChannelNames.Sms));

        // Someone with write access to the table moves one reporter's sealed address to another's report: it opens for neither.
        await district.Database.ScalarAsync<long>($"""
            WITH changed AS (UPDATE intake.sealed_contacts SET "Sealed" = (SELECT "Sealed" FROM intake.sealed_contacts WHERE "ReportId" = '{firstEmail}')
                             WHERE "ReportId" = '{secondEmail}' RETURNING 1)
            SELECT count(*) FROM changed
            """);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => UnsealAsync(upgraded, secondEmail, ChannelNames.Email));

        // Values under a key that is no longer configured are counted, left as they are, and the command fails.
        var lost = new StringWriter();
        Assert.Equal(3, await IntakeModule.ResealAsync(Configuration(district, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), lost));
        Assert.Contains("reseal: 0 resealed, 0 already current, 3 could not be opened", lost.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string?> UnsealAsync(TipLineApp app, Guid reportId, string channel)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SealedContactStore>().UnsealAsync(reportId, channel, CancellationToken.None);
    }

    private static Task<Guid> ReportWithContactAsync(AppEnvironment district, string channel, int index) =>
        district.Database.ScalarAsync<Guid>($"""
            SELECT c."ReportId" FROM intake.sealed_contacts c JOIN intake.reports r ON r."Id" = c."ReportId"
            WHERE c."Channel" = '{channel}' ORDER BY r."AcceptedAt" OFFSET {index} LIMIT 1
            """);

    private static IConfiguration Configuration(AppEnvironment district, string key, string? retired = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(district.Settings("all"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Privacy:SealedContactKey"] = key,
                ["Privacy:RetiredSealingKeys:0"] = retired,
            }.Where(s => s.Value is not null)).Build();

    /// <summary>What earlier releases stored: nonce, tag, ciphertext, with the purpose alone as associated data.</summary>
    private static byte[] EarlierFormat(string key, string purpose, string plain)
    {
        var bytes = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + 16 + bytes.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(Convert.FromBase64String(key), 16);
        aes.Encrypt(output.AsSpan(0, 12), bytes, output.AsSpan(28), output.AsSpan(12, 16), Encoding.UTF8.GetBytes(purpose));
        return output;
    }
}
