using System.Globalization;
using CsvHelper;
using TipLine.Directory;

namespace TipLine.Teams.District;

/// <summary>
/// The district's school list as CSV (RFC 4180, read and written by CsvHelper), one school per row:
/// <c>name,code,team,team_language,district_wide</c>. The last two may be left out (English; no).
/// </summary>
internal static class SchoolsCsv
{
    private static readonly string[] Required = ["name", "code", "team"];

    public static async Task<(IReadOnlyList<SchoolRow> Rows, IReadOnlyList<RowError> Errors)> ReadAsync(Stream input)
    {
        var (lines, errors) = await CsvTable.ReadAsync(input, Required);
        var problems = errors.ToList();
        var rows = new List<SchoolRow>();
        foreach (var line in lines)
        {
            var districtWide = CsvTable.YesNo(line["district_wide"]);
            if (districtWide is null) problems.Add(new RowError(line.Line, $"district_wide is yes or no, not \"{line["district_wide"]}\"."));
            var language = line["team_language"] is { Length: > 0 } l ? l : "en";
            rows.Add(new SchoolRow(line.Line, line["name"], line["code"], line["team"], language, districtWide == true));
        }
        return (rows, problems);
    }

    public static async Task WriteAsync(IReadOnlyList<SchoolRow> rows, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true);
        await using var csv = CsvTable.Writer(writer);
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
