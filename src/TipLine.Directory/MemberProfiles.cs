using Microsoft.EntityFrameworkCore;
using TipLine.Contracts;

namespace TipLine.Directory;

/// <summary>What members set about themselves (the languages they read).</summary>
public sealed class MemberProfiles(DirectoryDbContext db)
{
    /// <summary>Replaces the member's languages with those given that TipLine supports; false when there is no such member.</summary>
    public async Task<bool> SetLanguagesReadAsync(Guid memberId, IEnumerable<string> languages, CancellationToken ct)
    {
        var kept = LanguageCodes.Reporter.Where(languages.Contains).ToList();
        return await db.Members.Where(m => m.Id == memberId).ExecuteUpdateAsync(m => m.SetProperty(x => x.LanguagesRead, kept), ct) == 1;
    }
}
