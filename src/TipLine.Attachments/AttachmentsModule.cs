using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddDbContext<AttachmentsDbContext>(o => o.UseModuleNpgsql(connectionString, AttachmentsDbContext.Schema));
        services.AddScoped<AttachmentStore>();
        return services.AddSingleton(new ModuleSchema(typeof(AttachmentsDbContext)));
    }
}
