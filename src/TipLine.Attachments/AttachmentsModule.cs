using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipLine.Bus.Database;

namespace TipLine.Attachments;

public static class AttachmentsModule
{
    /// <summary>Registers the store once, whichever of intake and teams asks first.</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(AttachmentStore))) return services;
        var connectionString = configuration.GetConnectionString("Attachments") ?? configuration.GetConnectionString("TipLine")
            ?? throw new InvalidOperationException("ConnectionStrings:TipLine is not configured.");
        // Not pooled: intake lends this context its connection and transaction for one unit of work.
        services.AddDbContext<AttachmentsDbContext>(o => o.UseNpgsql(new NpgsqlConnectionStringBuilder(connectionString).ConnectionString));
        services.AddScoped<AttachmentStore>();
        return services;
    }

    public static Task PrepareAttachmentsDatabaseAsync(this IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<AttachmentsDbContext>().EnsureSchemaAsync(ct: ct);
}
