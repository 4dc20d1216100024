using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TipLine.Directory;

namespace TipLine.Teams.District;

/// <summary>
/// The district's school list as CSV (RFC 4180, read and written by CsvHelper), one school per row:
/// <c>name,code,team,team_language,district_wide</c>. The last two may be left out (English; no).
/// </summary>
internal static class SchoolsCsv
{
    public const int MostRows = 5000;
    private static readonly string[] Required = ["name", "code", "team"];

    public static async Task<(IReadOnlyList<SchoolRow> Rows, IReadOnlyList<RowError> Errors)> ReadAsync(Stream input)
    {
        using var reader = new StreamReader(input);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        });
        var rows = new List<SchoolRow>();
        var errors = new List<RowError>();
        if (!await csv.ReadAsync() || !csv.ReadHeader()) return ([], [new RowError(1, "The file is empty: its first line names the columns name,code,team.")]);
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        var missing = Required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return ([], [new RowError(1, $"The first line must name the columns {string.Join(",", Required)}; missing: {string.Join(", ", missing)}.")]);
        while (await csv.ReadAsync())
        {
            var line = csv.Parser.RawRow;
            if (rows.Count == MostRows) return ([], [new RowError(line, $"A file holds at most {MostRows} schools.")]);
            var districtWide = (csv.GetField("district_wide") ?? "").ToLowerInvariant();
            if (districtWide is not ("" or "no" or "false" or "0" or "yes" or "true" or "1"))
            {
                errors.Add(new RowError(line, $"district_wide is yes or no, not \"{districtWide}\"."));
            }
            var language = csv.GetField("team_language") is { Length: > 0 } l ? l : "en";
            rows.Add(new SchoolRow(line, csv.GetField("name") ?? "", csv.GetField("code") ?? "", csv.GetField("team") ?? "", language,
                districtWide is "yes" or "true" or "1"));
        }
        return (rows, errors);
    }

    public static async Task WriteAsync(IReadOnlyList<SchoolRow> rows, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in new[] { "name", "code", "team", "team_language", "district_wide" }) csv.WriteField(column);
        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            foreach (var field in new[] { row.Name, row.Code, row.Team, row.TeamLanguage, row.DistrictWide ? "yes" : "no" }) csv.WriteField(field);
            await csv.NextRecordAsync();
        }
        await writer.FlushAsync(ct);
    }
}
