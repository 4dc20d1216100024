using System.Net;
using System.Text.RegularExpressions;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Administration;

/// <summary>A district imports its schools from CSV: checked row by row, all or nothing, and again without duplicates.</summary>
public sealed class SchoolImportTests : RunningDistrict
{
    private const string GoodList = """
        name,code,team,team_language,district_wide
        Harbor View Middle School,HVMS,Harbor BTAM team,en,no
        "Oak Street Elementary, North Campus",OSEN,Harbor BTAM team,,
        Escuela Bilingüe Las Palmas,EBLP,Equipo Las Palmas,es,no
        Lincoln High School,LHS,Lincoln High BTAM team,en,no
        """;

    [Fact]
    public async Task A_list_with_mistakes_is_refused_row_by_row_and_nothing_is_imported()
    {
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var before = await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools");

        var (status, html) = await UploadAsync(admin, """
            name,code,team,team_language,district_wide
            Harbor View Middle School,HVMS,Harbor BTAM team,en,no
            Twin Harbor School,H V,Harbor BTAM team,en,no
            Harbor View Annex,hvms,Harbor BTAM team,en,no
            Bay School,BAY,Bay team,xx,no
            Not sure,NS2,Bay team,en,yes
            Cove School,COVE,Bay team,en,maybe
            """, apply: true);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Nothing was imported", html, StringComparison.Ordinal);
        var errors = Regex.Matches(html, "<tr><td>(\\d+)</td><td>(.*?)</td></tr>").Select(m => (Line: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Text: m.Groups[2].Value)).ToList();
        Assert.Contains(errors, e => e.Line == 3 && e.Text.Contains("is not a school code", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Text.Contains("already on line 2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Text.Contains("not a language", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.Text.Contains("would be a second", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 7 && e.Text.Contains("yes or no", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Line == 2);
        Assert.Equal(before, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools"));
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.teams WHERE \"Name\" LIKE 'Harbor%'"));
    }

    [Fact]
    public async Task A_good_list_is_checked_then_imported_and_importing_it_again_creates_nothing()
    {
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var before = await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools");

        var (_, checkedHtml) = await UploadAsync(admin, GoodList, apply: false);
        Assert.Contains("4 rows: 3 new schools, 0 changed, 1 unchanged, 2 new teams. Nothing is imported until you press Import.", checkedHtml, StringComparison.Ordinal);
        Assert.Equal(before, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools"));

        var (status, imported) = await UploadAsync(admin, GoodList, apply: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Imported.", imported, StringComparison.Ordinal);
        Assert.Equal(before + 3, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools"));
        Assert.Equal("es", await App.Database.ScalarAsync<string>("SELECT \"WorkingLanguage\" FROM directory.teams WHERE \"Name\" = 'Equipo Las Palmas'"));

        var (_, again) = await UploadAsync(admin, GoodList, apply: true);
        Assert.Contains("4 rows: 0 new schools, 0 changed, 4 unchanged, 0 new teams. Imported.", again, StringComparison.Ordinal);
        Assert.Equal(before + 3, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.schools"));
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.teams WHERE \"Name\" = 'Harbor BTAM team'"));

        // The exported list is one the import takes back unchanged.
        var exported = await admin.Http.GetStringAsync("/staff/admin/schools.csv");
        Assert.Contains("\"Oak Street Elementary, North Campus\",OSEN,Harbor BTAM team,en,no", exported, StringComparison.Ordinal);
        var (_, roundTrip) = await UploadAsync(admin, exported, apply: false);
        Assert.Matches(@"(\d+) rows: 0 new schools, 0 changed, \1 unchanged, 0 new teams", roundTrip);
    }

    private static Task<(HttpStatusCode Status, string Html)> UploadAsync(StaffClient admin, string csv, bool apply) =>
        admin.UploadAsync("/staff/admin/district", "/staff/admin/district?handler=Import", csv.Replace("\r\n", "\n", StringComparison.Ordinal), apply);
}
