using Microsoft.Extensions.Configuration;
using Npgsql;

namespace TipLine.Directory.Settings;

/// <summary>
/// The district's settings (<c>directory.district_settings</c>) as a configuration source, added after every other one so
/// its keys win. Options read through <c>IOptionsMonitor</c> see a change at once in the process that saved it
/// (<see cref="DistrictSettingsProvider.Refresh"/>) and within <see cref="RefreshEvery"/> in the others.
/// </summary>
public sealed class DistrictSettingsSource(string connectionString) : IConfigurationSource
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    public DistrictSettingsProvider? Provider { get; private set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider ??= new DistrictSettingsProvider(connectionString, RefreshEvery);
}

/// <summary>
/// The only configuration keys a saved district setting may set. Any other row is ignored: the table is written by the
/// teams role, which must not reach another module's keys, connection strings or secrets through it.
/// </summary>
public static class DistrictSettingKeys
{
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Escalation:Routine:TimeZone", "Escalation:Routine:SchoolDays", "Escalation:Routine:At",
        "Escalation:Imminent:EscalateAfter", "Escalation:Imminent:RepeatEvery", "Escalation:High:EscalateAfter", "Escalation:High:RepeatEvery",
        "Escalation:LawEnforcementAt", "Privacy:ContactRetentionDays",
    };
}

public sealed class DistrictSettingsProvider : ConfigurationProvider, IDisposable
{
    private int refreshing;

    private readonly string connectionString;
    private readonly Timer timer;

    public DistrictSettingsProvider(string connectionString, TimeSpan refreshEvery)
    {
        this.connectionString = connectionString;
        timer = new Timer(_ => RefreshQuietly(), null, refreshEvery, refreshEvery);
    }

    /// <summary>Before the migrate step made the table, or while the database cannot be reached, configuration alone counts.</summary>
    public override void Load() => Data = Read() ?? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the settings again and tells every options monitor when they changed.</summary>
    public void Refresh()
    {
        if (Read() is not { } fresh) return; // unreachable for now: keep what was read last
        if (fresh.Count == Data.Count && fresh.All(kv => Data.TryGetValue(kv.Key, out var value) && value == kv.Value)) return;
        Data = fresh;
        OnReload();
    }

    /// <summary>The timer's pass: one at a time, and nothing it meets stops the process (the next pass tries again).</summary>
    private void RefreshQuietly()
    {
        if (Interlocked.Exchange(ref refreshing, 1) == 1) return;
        try
        {
            Refresh();
        }
        catch (Exception)
        {
            // A listener's failure on reload: the settings read stay, the next pass compares again.
        }
        finally
        {
            Volatile.Write(ref refreshing, 0);
        }
    }

    private Dictionary<string, string?>? Read()
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT \"Key\", \"Value\" FROM directory.district_settings", connection);
            using var reader = command.ExecuteReader();
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
            {
                if (DistrictSettingKeys.Allowed.Contains(reader.GetString(0))) values[reader.GetString(0)] = reader.GetString(1);
            }
            return values;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    public void Dispose() => timer.Dispose();
}

public static class DistrictSettingsConfigurationExtensions
{
    /// <summary>
    /// Layers the district's saved settings over everything configured so far, and registers the provider so the page
    /// that saves them can refresh it. Call before the modules read their options.
    /// </summary>
    public static void AddDistrictSettings(this IConfigurationManager configuration, Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        if ((configuration.GetConnectionString("Directory") ?? configuration.GetConnectionString("TipLine")) is not { Length: > 0 } database) return;
        var source = new DistrictSettingsSource(database);
        configuration.Sources.Add(source);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, source.Provider!);
    }
}
