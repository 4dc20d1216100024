using System.Text;
using Npgsql;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Database;

/// <summary>Self-check of the privacy tests' "stored anywhere" scan: it must find what a careless change would leave behind.</summary>
public sealed class StoredAnywhereCheckTests
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    public async Task A_phone_number_in_plain_bytes_in_any_schema_is_found(string encoding)
    {
        await using var district = await AppEnvironment.CreateAsync();
        var phone = "+15550001234";
        Assert.DoesNotContain("5550001234", await district.Database.EverythingStoredAsync(), StringComparison.Ordinal);

        var bytes = (encoding == "utf-8" ? Encoding.UTF8 : Encoding.Unicode).GetBytes($"caller {phone} left a message");
        await using (var connection = new NpgsqlConnection(district.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO attachments.files ("Id", "ReportId", "Kind", "ContentType", "Content", "CreatedAt")
                VALUES (gen_random_uuid(), gen_random_uuid(), 'test', 'application/octet-stream', @content, now())
                """, connection);
            insert.Parameters.AddWithValue("content", bytes);
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Contains("5550001234", await district.Database.EverythingStoredAsync(), StringComparison.Ordinal);
    }
}
