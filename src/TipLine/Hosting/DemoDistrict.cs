using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Directory;
using TipLine.Teams.Staff;

namespace TipLine.Hosting;

public sealed record DemoAccount(string Email, string Password, Guid StaffId, Guid TeamId);

/// <summary>
/// A small district to try TipLine with: three schools and the district's own entry, three BTAM teams, their members. Created
/// once; a second run finds it and leaves it alone. The first account is the district admin.
/// </summary>
public static class DemoDistrict
{
    public static readonly Guid LincolnHigh = Guid.Parse("5c3d2a1e-0000-4000-8000-000000000001");
    public static readonly Guid RooseveltMiddle = Guid.Parse("5c3d2a1e-0000-4000-8000-000000000002");
    public static readonly Guid JeffersonElementary = Guid.Parse("5c3d2a1e-0000-4000-8000-000000000003");
    public static readonly Guid LincolnTeam = Guid.Parse("7e4a9b20-0000-4000-8000-000000000001");
    public static readonly Guid NorthTeam = Guid.Parse("7e4a9b20-0000-4000-8000-000000000002");
    public static readonly Guid DistrictWide = Guid.Parse("5c3d2a1e-0000-4000-8000-0000000000d1");
    public static readonly Guid DistrictTeam = Guid.Parse("7e4a9b20-0000-4000-8000-0000000000d1");

    /// <summary>Fictional numbers (555-01xx) for the demo's SMS and voice channels.</summary>
    public const string LincolnHighNumber = "+15555550101";
    public const string DistrictNumber = "+15555550100";

    public static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y') + "-9a";

    /// <summary>Returns the accounts it created (empty if the district was there already).</summary>
    public static async Task<IReadOnlyList<DemoAccount>> SeedAsync(IServiceProvider services, Func<string> newPassword, CancellationToken ct)
    {
        var directory = services.GetRequiredService<DirectoryDbContext>();
        if (await directory.Schools.AnyAsync(ct)) return [];

        directory.Teams.AddRange(
            new Team { Id = LincolnTeam, Name = "Lincoln High BTAM team", WorkingLanguage = "en" },
            new Team { Id = NorthTeam, Name = "North side BTAM team", WorkingLanguage = "en" },
            new Team { Id = DistrictTeam, Name = "District safety team (24/7)", WorkingLanguage = "en" });
        directory.Schools.AddRange(
            new School { Id = LincolnHigh, Name = "Lincoln High School", Code = "LHS", TeamId = LincolnTeam },
            new School { Id = RooseveltMiddle, Name = "Roosevelt Middle School", Code = "RMS", TeamId = NorthTeam },
            new School { Id = JeffersonElementary, Name = "Jefferson Elementary School", Code = "JES", TeamId = NorthTeam },
            new School { Id = DistrictWide, Name = "Another school, or not sure", Code = "DIST", TeamId = DistrictTeam, IsDistrictWide = true });
        directory.ChannelNumbers.AddRange(
            new ChannelNumber { Number = LincolnHighNumber, SchoolId = LincolnHigh },
            new ChannelNumber { Number = DistrictNumber, SchoolId = null });

        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        if (!await roles.RoleExistsAsync(StaffRoles.DistrictAdmin)) Check(await roles.CreateAsync(new IdentityRole<Guid>(StaffRoles.DistrictAdmin)));

        var people = new (string Email, string Name, TeamRole Role, Guid Team, bool Admin)[]
        {
            ("admin@demo.tipline.test", "Dana Admin", TeamRole.Administrator, LincolnTeam, true),
            ("counselor@demo.tipline.test", "Sam Counselor", TeamRole.MentalHealthProfessional, LincolnTeam, false),
            ("sro@demo.tipline.test", "Officer Lee", TeamRole.LawEnforcementLiaison, LincolnTeam, false),
            ("north.admin@demo.tipline.test", "Jordan North", TeamRole.Administrator, NorthTeam, false),
            ("north.psych@demo.tipline.test", "Riley Psych", TeamRole.MentalHealthProfessional, NorthTeam, false),
            ("district.safety@demo.tipline.test", "Casey District", TeamRole.Administrator, DistrictTeam, false),
        };
        var created = new List<DemoAccount>();
        var order = 0;
        foreach (var (email, name, role, team, admin) in people)
        {
            var user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var password = newPassword();
            Check(await users.CreateAsync(user, password));
            if (admin) Check(await users.AddToRoleAsync(user, StaffRoles.DistrictAdmin));
            directory.Members.Add(new TeamMember
            {
                Id = user.Id, TeamId = team, DisplayName = name, Role = role, RotationOrder = order,
                AlertPhone = $"+155555501{10 + order++}", AlertEmail = email, TimeZone = "America/Chicago",
            });
            created.Add(new DemoAccount(email, password, user.Id, team));
        }
        await directory.SaveChangesAsync(ct);
        return created;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
