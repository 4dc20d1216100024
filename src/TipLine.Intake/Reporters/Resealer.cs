using System.Security.Cryptography;
using Npgsql;

namespace TipLine.Intake.Reporters;

/// <summary>
/// <c>--target reseal</c>: seals every value in <see cref="SealedColumns.All"/> again under the current key and format, so
/// a retired key (or the earlier row-less format) can be dropped. Safe while intake runs: a row is updated only if its
/// value is still the one read, and a value that does not open is counted and left as it is.
/// </summary>
internal sealed class Resealer(string connectionString, Sealing sealing, TextWriter output)
{
    public sealed record Outcome(int Resealed, int Current, int Unopened);

    public async Task<Outcome> RunAsync(CancellationToken ct)
    {
        var total = new Outcome(0, 0, 0);
        await using var reading = new NpgsqlConnection(connectionString);
        await using var writing = new NpgsqlConnection(connectionString);
        await reading.OpenAsync(ct);
        await writing.OpenAsync(ct);
        foreach (var column in SealedColumns.All)
        {
            var outcome = await ResealAsync(reading, writing, column, ct);
            await output.WriteLineAsync($"{column.Table}.{column.Column} ({column.Purpose}): {outcome.Resealed} resealed, {outcome.Current} already current, "
                + $"{outcome.Unopened} could not be opened");
            total = new Outcome(total.Resealed + outcome.Resealed, total.Current + outcome.Current, total.Unopened + outcome.Unopened);
        }
        return total;
    }

    private async Task<Outcome> ResealAsync(NpgsqlConnection reading, NpgsqlConnection writing, SealedColumn column, CancellationToken ct)
    {
        int resealed = 0, current = 0, unopened = 0;
        var table = $"{IntakeDbContext.Schema}.{column.Table}";
        var value = $"\"{column.Column}\"";
        var filter = column.Filter is null ? "" : $" AND {column.Filter}";
        await using var select = new NpgsqlCommand(
            $"SELECT {column.PrimaryKeySql}, {column.RowKeySql}, {value} FROM {table} WHERE {value} IS NOT NULL{filter}", reading);
        await using var rows = await select.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            var sealedBytes = (byte[])rows[2];
            if (sealing.IsCurrent(sealedBytes))
            {
                current++;
                continue;
            }
            byte[] plain;
            try
            {
                plain = sealing.Open(column, rows.GetString(1), sealedBytes);
            }
            catch (CryptographicException)
            {
                unopened++;
                continue;
            }
            await using var update = new NpgsqlCommand(
                $"UPDATE {table} SET {value} = @resealed WHERE {column.PrimaryKeySql} = @id AND {value} = @old", writing);
            update.Parameters.AddWithValue("resealed", sealing.Seal(column, rows.GetString(1), plain));
            update.Parameters.AddWithValue("id", rows.GetValue(0));
            update.Parameters.AddWithValue("old", sealedBytes);
            // 0 rows: the row went or changed meanwhile (sent, purged), sealed anew by intake itself.
            resealed += await update.ExecuteNonQueryAsync(ct);
        }
        return new Outcome(resealed, current, unopened);
    }
}
