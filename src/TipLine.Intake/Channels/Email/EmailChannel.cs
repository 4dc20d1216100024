using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus.Work;
using TipLine.Mail;

namespace TipLine.Intake.Channels.Email;

internal static class EmailChannel
{
    /// <summary>
    /// The email channel: a poller per configured mailbox and the outgoing-mail worker. No mailbox configured, no pollers and no
    /// worker (a deployment without mail still starts). Mailbox settings are checked here, at start-up.
    /// </summary>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMail(configuration);
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EmailIntake>().AddScoped<EmailFiles>().AddScoped<OutgoingEmailProcessor>();
        var mailboxes = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.Mailboxes ?? [];
        if (mailboxes.GroupBy(m => m.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ValidationException($"Two mailboxes are named {twice.Key}: give each its own Email:Mailboxes:n:Name.");
        }
        foreach (var mailbox in mailboxes)
        {
            Validator.ValidateObject(mailbox, new ValidationContext(mailbox), validateAllProperties: true);
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new MailboxPoller(mailbox,
                sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IOptions<EmailOptions>>(),
                sp.GetRequiredService<IOptionsMonitor<Reporters.PrivacyOptions>>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<MailboxPoller>>()));
        }
        if (mailboxes.Count > 0)
        {
            services.AddQueuedWork<IntakeDbContext, PendingEmail, OutgoingEmailProcessor>(configuration, OutgoingEmailProcessor.Kind,
                OutgoingEmailProcessor.Defaults);
        }
        return services;
    }
}
