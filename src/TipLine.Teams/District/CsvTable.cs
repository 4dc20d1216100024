using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TipLine.Directory;

namespace TipLine.Teams.District;

/// <summary>One data row of an uploaded CSV file: its line number and its fields by lower-case column name.</summary>
internal sealed record CsvLine(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string this[string column] => Fields.GetValueOrDefault(column, "");
}

/// <summary>
/// Reads an uploaded CSV file (RFC 4180, CsvHelper) whose first line names its columns, in any order (others are
/// ignored), and writes the files TipLine exports.
/// </summary>
internal static class CsvTable
{
    public const int MostRows = 5000;

    /// <summary>
    /// A writer for an exported file. A field that a spreadsheet would run as a formula (=, +, -, @ first) is escaped
    /// with a leading apostrophe: a name typed by anyone must not become a command on an administrator's computer.
    /// </summary>
    public static CsvWriter Writer(TextWriter writer) =>
        new(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });

    public static async Task<(IReadOnlyList<CsvLine> Lines, IReadOnlyList<RowError> Errors)> ReadAsync(Stream input, IReadOnlyList<string> required)
    {
        using var reader = new StreamReader(input);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null,
        });
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            return ([], [new RowError(1, $"The file is empty: its first line names the columns {string.Join(",", required)}.")]);
        }
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], [new RowError(1, $"The first line must name the columns {string.Join(",", required)}; missing: {string.Join(", ", missing)}.")]);
        }
        var lines = new List<CsvLine>();
        while (await csv.ReadAsync())
        {
            if (lines.Count == MostRows) return ([], [new RowError(csv.Parser.RawRow, $"A file holds at most {MostRows} rows.")]);
            var fields = header.Select((name, i) => (name, value: csv.TryGetField<string>(i, out var v) ? Unescaped(v ?? "") : ""))
                .GroupBy(f => f.name).ToDictionary(g => g.Key, g => g.First().value);
            lines.Add(new CsvLine(csv.Parser.RawRow, fields));
        }
        return (lines, []);
    }

    /// <summary>A field <see cref="Writer"/> escaped ('=…, '-North) reads back as it was, so an export goes back in unchanged.</summary>
    private static string Unescaped(string field) =>
        field.Length > 1 && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? field[1..] : field;

    /// <summary>yes/no columns: empty is no.</summary>
    public static bool? YesNo(string value) => value.Trim().ToLowerInvariant() switch
    {
        "" or "no" or "false" or "0" => false,
        "yes" or "true" or "1" => true,
        _ => null,
    };
}
