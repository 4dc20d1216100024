using System.Diagnostics;
using Npgsql;

namespace TipLine.Benchmarks;

/// <summary>Gives each run an empty database and an empty RabbitMQ virtual host.</summary>
public static class Infrastructure
{
    /// <summary>Drops and recreates the database; returns the connection string that points at it.</summary>
    public static async Task<string> RecreateDatabaseAsync(string server, string database, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            // The name was checked to be a plain identifier when the options were parsed.
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", $"CREATE DATABASE \"{database}\"" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    /// <summary>
    /// Deletes and recreates the virtual host with rabbitmqctl, so no message of an earlier run is
    /// consumed by this one. Returns a warning if that was not possible (e.g. a remote broker).
    /// </summary>
    public static async Task<string?> RecreateVirtualHostAsync(string vhost, string user, CancellationToken ct)
    {
        var (deleteCode, _) = await RabbitMqCtlAsync(["delete_vhost", vhost], ct);
        _ = deleteCode; // Absent on a first run: not an error.
        var (addCode, addOutput) = await RabbitMqCtlAsync(["add_vhost", vhost], ct);
        if (addCode != 0) return $"rabbitmqctl add_vhost {vhost} failed ({addOutput.Trim()}); using the vhost as it is";
        var (permCode, permOutput) = await RabbitMqCtlAsync(["set_permissions", "-p", vhost, user, ".*", ".*", ".*"], ct);
        return permCode == 0 ? null : $"rabbitmqctl set_permissions failed ({permOutput.Trim()})";
    }

    private static async Task<(int Code, string Output)> RabbitMqCtlAsync(string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/rabbitmqctl") ? "/usr/sbin/rabbitmqctl" : "rabbitmqctl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out after 60 s");
            }
            return (process.ExitCode, await stdout + await stderr);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
