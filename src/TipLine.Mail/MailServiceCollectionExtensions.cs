using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TipLine.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// SMTP options from "Email:Smtp" and the <see cref="MailSender"/>, once, whichever of intake and teams asks first.
    /// Options are checked at start-up only when the section exists, so a deployment without mail still starts.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(MailSender))) return services;
        var section = configuration.GetSection(SmtpOptions.Section);
        var options = services.AddOptions<SmtpOptions>().Bind(section).ValidateDataAnnotations();
        if (section.Exists()) options.ValidateOnStart();
        services.AddSingleton<MailSender>();
        return services;
    }
}
