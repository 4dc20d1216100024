using System.Text;
using TipLine.Teams.District;
using Xunit;

namespace TipLine.UnitTests.Staff;

public sealed class CsvTableTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.test\")")]
    [InlineData("-North")]
    [InlineData("@team")]
    [InlineData("+1 team")]
    [InlineData("Lincoln High BTAM team")]
    public async Task A_field_a_spreadsheet_would_run_is_escaped_on_export_and_reads_back_as_it_was(string name)
    {
        using var output = new MemoryStream();
        await using (var writer = new StreamWriter(output, leaveOpen: true))
        await using (var csv = CsvTable.Writer(writer))
        {
            csv.WriteField("name");
            await csv.NextRecordAsync();
            csv.WriteField(name);
            await csv.NextRecordAsync();
        }
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(name[0] is '=' or '-' or '@' or '+', text.Contains('\'' + name[..1], StringComparison.Ordinal));

        output.Position = 0;
        var (lines, errors) = await CsvTable.ReadAsync(output, ["name"]);
        Assert.Empty(errors);
        Assert.Equal(name, Assert.Single(lines)["name"]);
    }
}
