using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Bus;

namespace TipLine.Directory;

public static class DirectoryServiceCollectionExtensions
{
    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<DirectoryDbContext>(configuration, "Directory")
            .AddScoped<SchoolDirectory>()
            .AddMemoryCache();
}
