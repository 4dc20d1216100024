using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace TipLine.Directory.Settings;

/// <summary>Reads and saves the district's settings; a save is seen by this process's options at once.</summary>
public sealed class DistrictSettingsStore(DirectoryDbContext db, IConfiguration configuration, IEnumerable<DistrictSettingsProvider> providers, TimeProvider clock)
{
    /// <summary>The value in force for <paramref name="key"/> (saved here, else configured), and whether it was saved here.</summary>
    public async Task<IReadOnlyDictionary<string, (string? Value, bool SetHere)>> CurrentAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var saved = await db.DistrictSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase, ct);
        return keys.ToDictionary(k => k, k => saved.TryGetValue(k, out var value) ? (value, true) : (configuration[k], false));
    }

    /// <summary>Saves <paramref name="values"/> (each wins over configuration from now on) and refreshes this process's options.</summary>
    public async Task SaveAsync(IReadOnlyDictionary<string, string> values, Guid by, CancellationToken ct)
    {
        var rows = await db.DistrictSettings.ToDictionaryAsync(s => s.Key, StringComparer.OrdinalIgnoreCase, ct);
        var now = clock.GetUtcNow();
        if (values.Keys.FirstOrDefault(k => !DistrictSettingKeys.Allowed.Contains(k)) is { } other)
        {
            throw new ArgumentException($"{other} is not a district setting.", nameof(values));
        }
        foreach (var (key, value) in values)
        {
            if (!rows.TryGetValue(key, out var row)) db.DistrictSettings.Add(row = new DistrictSetting { Key = key, Value = value });
            row.Value = value;
            row.UpdatedAt = now;
            row.UpdatedBy = by;
        }
        await db.SaveChangesAsync(ct);
        foreach (var provider in providers) provider.Refresh();
    }
}
