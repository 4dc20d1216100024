using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Bus;
using TipLine.Directory.Schedules;

namespace TipLine.Directory;

public static class DirectoryServiceCollectionExtensions
{
    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<DirectoryDbContext>(configuration, "Directory")
            .AddScoped<SchoolDirectory>()
            .AddScoped<OnCallDirectory>()
            .AddScoped<ScheduleAdministration>()
            .AddScoped<MemberProfiles>()
            .AddScoped<MemberAdministration>()
            .AddScoped<SchoolAdministration>()
            .AddScoped<SchoolImport>()
            .AddScoped<Settings.DistrictSettingsStore>()
            .AddMemoryCache();
}
