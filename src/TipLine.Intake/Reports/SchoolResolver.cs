using Microsoft.Extensions.Logging;
using TipLine.Directory;

namespace TipLine.Intake.Reports;

/// <summary>A school the reporter named, and their text without the code that named it.</summary>
internal sealed record NamedSchool(Guid SchoolId, string Remainder);

/// <summary>
/// Which school a tip is about, decided the same way for every channel without a school picker (texts, calls, mail):
/// the school whose own number or mailbox was used; else a school the reporter named; else the district's own entry,
/// with a note that no school was named, so the tip is still seen.
/// </summary>
internal sealed class SchoolResolver(SchoolDirectory directory, ILogger<SchoolResolver> log)
{
    /// <summary>Put before the tip's text when it goes to the district because no school was named.</summary>
    public const string NotNamedNote = "(The reporter did not name a school.)\n";

    private static readonly char[] Punctuation = [',', '.', ':', ';', '!', '?', '[', ']', '(', ')', '"', '\''];

    /// <summary>A school's own line; null for a shared district number or a number nobody owns.</summary>
    public async Task<Guid?> SchoolOfNumberAsync(string number, CancellationToken ct) => (await directory.OwnerOfNumberAsync(number, ct)).SchoolId;

    /// <summary>
    /// One of the district's school codes as a word of the text ("LHS someone has a gun"), removed from the remainder; in
    /// speech (a voicemail's transcript) also the school's name said aloud ("Lincoln High").
    /// </summary>
    public async Task<NamedSchool?> NamedInAsync(string text, bool spoken, CancellationToken ct)
    {
        if (spoken)
        {
            // A name said aloud first: a short code is likelier to be an ordinary word in speech.
            var said = (await directory.ListSchoolsAsync(ct))
                .FirstOrDefault(s => text.Contains(s.Name.Replace(" School", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            if (said is not null) return new NamedSchool(said.Id, text);
        }
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        foreach (var code in await directory.SchoolCodesAsync(ct))
        {
            var at = Array.FindIndex(words, w => string.Equals(w.Trim(Punctuation), code.Code, StringComparison.OrdinalIgnoreCase));
            if (at >= 0) return new NamedSchool(code.SchoolId, string.Join(' ', words.Where((_, i) => i != at)));
        }
        return null;
    }

    /// <summary>The district's own entry and its 24/7 team, where tips that name no school go; null in a directory without one.</summary>
    public async Task<Guid?> DistrictEntryAsync(CancellationToken ct) => (await directory.DistrictWideSchoolAsync(ct))?.Id;

    /// <summary>
    /// Where a tip that names no school goes: the district's own entry and its 24/7 team, else (a directory without one)
    /// the first school listed, with a warning for the administrator. (Held texts wait for the district's entry instead.)
    /// </summary>
    public async Task<Guid> NotNamedAsync(string channel, CancellationToken ct)
    {
        if (await DistrictEntryAsync(ct) is { } district) return district;
        var schools = await directory.ListSchoolsAsync(ct);
        if (schools.Count == 0) throw new InvalidOperationException("The directory lists no school.");
        log.LogWarning("A {Channel} tip names no school and the directory has no district-wide entry: given to the first school listed", channel);
        return schools[0].Id;
    }
}
