using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus;
using TipLine.Bus.Work;
using TipLine.Attachments;
using TipLine.Intake.Channels.Email;
using TipLine.Intake.Channels.Sms;
using TipLine.Intake.Channels.Voice;
using TipLine.Intake.Channels.WebForm;
using TipLine.Intake.Consumers;
using TipLine.Twilio;
using TipLine.Intake.Followup;
using TipLine.Intake.ProviderCopies;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reporters;
using TipLine.Intake.Reports;
using TipLine.Intake.SafetyNet;
using TipLine.Languages;
using TipLine.Mail;
using TipLine.Voicemail;

namespace TipLine.Intake;

/// <summary>Intake's public surface: what the host calls to run it.</summary>
public static class IntakeModule
{
    /// <summary>The module's schema context for the migrate step, which alone runs as the schema owner.</summary>
    public static DbContext CreateMigrationContext(string connectionString) => new IntakeDbContextFactory().Create(connectionString);

    /// <summary>
    /// <c>--target reseal</c>: seals every sealed value again under <c>Privacy:SealedContactKey</c> (values under
    /// <c>Privacy:RetiredSealingKeys</c> or the earlier format open first). Returns how many values opened with no key.
    /// </summary>
    public static async Task<int> ResealAsync(IConfiguration configuration, TextWriter output, CancellationToken ct = default)
    {
        var connectionString = configuration.GetConnectionString("Intake") ?? configuration.GetConnectionString("TipLine")
            ?? throw new InvalidOperationException("ConnectionStrings:TipLine is not configured.");
        using var services = new ServiceCollection().AddOptions<PrivacyOptions>().Bind(configuration.GetSection("Privacy"))
            .ValidateDataAnnotations().Services.BuildServiceProvider();
        var sealing = new Sealing(services.GetRequiredService<IOptions<PrivacyOptions>>());
        var outcome = await new Resealer(connectionString, sealing, output).RunAsync(ct);
        await output.WriteLineAsync($"reseal: {outcome.Resealed} resealed, {outcome.Current} already current, {outcome.Unopened} could not be opened");
        return outcome.Unopened;
    }

    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IntakeDbContext>(configuration, "Intake").AddOutboxRelay<IntakeDbContext>();
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection("Privacy")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReceiptOptions>().Bind(configuration.GetSection("Receipts"));
        services.AddOptions<SafetyNetOptions>().Bind(configuration.GetSection("SafetyNet"));
        services.AddSingleton<ReporterKeys>().AddSingleton<ReceiptSecrets>().AddSingleton<FollowupSession>();
        services.AddSingleton<Sealing>().AddScoped<SealedContactStore>().AddScoped<ReportAcceptance>().AddScoped<ReceiptVerifier>()
            .AddScoped<FollowupThread>().AddScoped<UnroutedReportSweep>().AddScoped<RetentionSweep>();
        services.AddScoped<SchoolResolver>();
        // One reply path per channel: how a team's question reaches that channel's reporters.
        services.AddScoped<IReporterReplies, FollowupReplies>().AddScoped<IReporterReplies, SmsReplies>().AddScoped<IReporterReplies, EmailReplies>();
        services.AddHostedService<SafetyNetService>();
        services.AddLanguageDetection(configuration);
        services.AddFormRateLimits(configuration);
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection("Sms"));
        services.AddTwilio(configuration);
        services.AddScoped<SmsIntake>().AddScoped<HeldTexts>().AddScoped<HeldSmsRelease>().AddScoped<SmsStatusUpdates>();
        services.AddVoicemail(configuration).AddAttachments(configuration);
        services.AddSingleton(FollowupAddress.From(configuration));
        services.AddOptions<VoiceOptions>().Bind(configuration.GetSection(VoiceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<VoicePrompts>().AddScoped<VoicemailIntake>();
        // Recordings and MMS files queue only through the Twilio webhooks, which exist only where Twilio is configured.
        if (configuration.GetSection(TwilioOptions.Section).Exists())
        {
            services.AddQueuedWork<IntakeDbContext, PendingVoicemail, VoicemailProcessor>(configuration, VoicemailProcessor.Kind, VoicemailProcessor.Defaults);
            services.AddQueuedWork<IntakeDbContext, PendingMms, MmsMediaProcessor>(configuration, MmsMediaProcessor.Kind,
                claimFilter: MmsMediaProcessor.ClaimFilter, passedOverRowsWait: true);
            services.AddQueuedWork<IntakeDbContext, PendingSms, SmsReplySender>(configuration, SmsReplySender.Kind);
            services.AddQueuedWork<IntakeDbContext, PendingCopyDeletion, StoredCopyDeleter>(configuration, StoredCopyDeleter.Kind);
            services.AddRecurringPass<HeldSmsRelease>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.HeldCheckInterval);
        }
        services.AddEmailChannel(configuration);
        services.AddOptions<ReplyNoticeOptions>().Bind(configuration.GetSection(ReplyNoticeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetSection(ReplyNoticeOptions.Section).Get<ReplyNoticeOptions>() is { } notices && (notices.BySms || notices.ByEmail))
        {
            // A notice the form promises must be sendable: its provider is configured, or the process does not start.
            if (notices.BySms && !configuration.GetSection(TwilioOptions.Section).Exists())
            {
                throw new ValidationException("ReplyNotices:SmsFrom is set, but Twilio is not configured (section Twilio).");
            }
            if (notices.ByEmail && !configuration.GetSection(SmtpOptions.Section).Exists())
            {
                throw new ValidationException("ReplyNotices:EmailFrom is set, but no mail server is configured (section Email:Smtp).");
            }
            services.AddQueuedWork<IntakeDbContext, PendingReplyNotice, ReplyNoticeSender>(configuration, ReplyNoticeSender.Kind,
                ReplyNoticeSender.Defaults);
        }
        return services;
    }

    /// <summary>The module's consumers, each on its own queue with the one retry policy.</summary>
    public static IReadOnlyList<Type> Consumers { get; } =
    [
        typeof(CaseOpenedConsumer),
        typeof(CaseAcknowledgedConsumer),
        typeof(ReporterQuestionReadyConsumer),
    ];

    public static void AddIntakeConsumers(this IBusRegistrationConfigurator bus) => bus.AddRetryingConsumers(Consumers);

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        // The SMS and voice channels exist only where Twilio is configured.
        if (configuration.GetSection(TwilioOptions.Section).Exists()) endpoints.MapSmsWebhooks().MapVoiceWebhooks();
        var stylesheet = ReadAsset("tipline.css");
        endpoints.MapGet("/assets/tipline.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(stylesheet, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        endpoints.MapGet("/", () => Results.Redirect("/report")).ExcludeFromDescription();
        return endpoints;
    }

    private static byte[] ReadAsset(string name)
    {
        using var stream = typeof(IntakeModule).Assembly.GetManifestResourceStream($"TipLine.Intake.Assets.{name}")
            ?? throw new InvalidOperationException($"Missing asset {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
