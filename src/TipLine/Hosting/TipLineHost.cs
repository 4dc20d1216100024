using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TipLine.Bus;
using TipLine.Bus.Database;
using TipLine.Bus.ErrorQueues;
using TipLine.Directory;
using TipLine.Directory.Settings;
using TipLine.Hosting.Telemetry;
using TipLine.Intake;
using TipLine.Intake.Channels.WebForm;
using TipLine.Intake.Localization;
using TipLine.Routing;
using TipLine.Teams;

namespace TipLine.Hosting;

/// <summary>The table of contents: which modules run, the bus, the web pipeline.</summary>
public static class TipLineHost
{
    /// <summary>Named after this assembly, so pages are found wherever the host runs (also inside a test process).</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) => WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ApplicationName = typeof(TipLineHost).Assembly.GetName().Name,
    });

    /// <param name="replaceServices">Last word on the services before the app is built (a test's stand-in for a provider).</param>
    public static WebApplication Build(WebApplicationBuilder builder, Action<IServiceCollection>? replaceServices = null)
    {
        var targets = Targets.From(builder.Configuration);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(targets);
        services.AddSingleton(TimeProvider.System);
        configuration.AddDistrictSettings(services);
        services.AddDirectory(configuration);
        if (targets.Intake) services.AddIntake(configuration);
        if (targets.Routing) services.AddRouting(configuration);
        if (targets.Teams) services.AddTeams(configuration);
        // Every module's queues, whichever targets run here: administrators see all error queues from the teams process.
        services.AddSingleton(ErrorQueueNames.Of([.. IntakeModule.Consumers, .. RoutingModule.Consumers, .. TeamsModule.Consumers]));
        services.AddTipLineBus(configuration, bus =>
        {
            if (targets.Intake) bus.AddIntakeConsumers();
            if (targets.Routing) bus.AddRoutingConsumers();
            if (targets.Teams) bus.AddTeamsConsumers();
        });

        var dataProtection = services.AddDataProtection().SetApplicationName("TipLine");
        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } keys) dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddLocalization();
        services.AddSingleton<TrustedProxies>();
        services.AddRazorPages()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(ReporterText)))
            .ConfigureApplicationPartManager(parts => KeepPartsOf(parts, targets));
        if (targets.Teams) services.AddOpenApi();
        services.AddTipLineHealth(configuration, targets);
        builder.AddTipLineTelemetry(targets);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = ReporterLanguages.All.Select(l => new CultureInfo(l.Code)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // A visible switcher (?culture=) first, then the browser's Accept-Language. No cookie.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        // Outside development every cookie (staff sign-in, antiforgery, follow-up) is Secure, and HTTPS answers carry HSTS.
        var development = builder.Environment.IsDevelopment();
        services.Configure<CookiePolicyOptions>(o => o.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        replaceServices?.Invoke(services);
        var app = builder.Build();
        app.UseMiddleware<PrivacyMiddleware>();
        if (!development) app.UseHsts();
        app.UseCookiePolicy();
        app.UseRequestLocalization();
        app.UseRouting();
        if (targets.Intake) app.UseRateLimiter();
        app.MapTipLineHealth();
        if (targets.Teams)
        {
            app.UseAuthentication();
            app.UseTeamsTwoFactorGate();
            app.UseAuthorization();
            // The API's description is for staff: it names every endpoint a signed-in member can reach.
            app.MapOpenApi().RequireAuthorization();
            app.MapTeams();
        }
        if (targets.Intake) app.MapIntake(app.Configuration);
        if (targets.Intake || targets.Teams) app.MapRazorPages();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceUrls(app, targets));
        return app;
    }

    /// <summary>
    /// Checks that every schema this process uses is migrated (throws <see cref="SchemaNotCurrentException"/> if not)
    /// and, if asked, creates the demo district.
    /// </summary>
    /// <param name="output">Where the once-only lines go (the demo password, the first-run link): the console by default.</param>
    public static async Task PrepareAsync(this WebApplication app, TextWriter? output = null, CancellationToken ct = default)
    {
        output ??= Console.Out;
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var targets = services.GetRequiredService<Targets>();
        foreach (var schema in services.GetServices<ModuleSchema>().DistinctBy(s => s.ContextType))
        {
            await ((DbContext)services.GetRequiredService(schema.ContextType)).EnsureCurrentAsync(ct);
        }
        if (targets.Teams && app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            var created = await DemoDistrict.SeedAsync(services, DemoDistrict.NewPassword, ct);
            if (created.Count > 0 && created[0] is var admin)
            {
                // Printed once, on the run that created it: the password is stored only as a hash.
                await output.WriteLineAsync($"Demo district created. Staff sign-in: {admin.Email}  password: {admin.Password}  (shown once)");
            }
        }
        if (targets.Teams && await TeamsModule.OfferFirstRunAsync(services, ct) is { } setup)
        {
            var staff = app.Configuration["Alerts:StaffBaseUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : "(this server's staff address)";
            await output.WriteLineAsync($"First run: the district has no administrator yet. Open {staff}{setup} within 24 hours " +
                "to create one. The link works once; each start without an administrator makes a new one.");
        }
    }

    private static void KeepPartsOf(ApplicationPartManager parts, Targets targets)
    {
        var intake = typeof(IntakeModule).Assembly;
        var teams = typeof(TeamsModule).Assembly;
        foreach (var part in parts.ApplicationParts.ToList())
        {
            var assembly = (part as AssemblyPart)?.Assembly ?? (part as CompiledRazorAssemblyPart)?.Assembly;
            if ((assembly == intake && !targets.Intake) || (assembly == teams && !targets.Teams)) parts.ApplicationParts.Remove(part);
        }
    }

    private static void AnnounceUrls(WebApplication app, Targets targets)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TipLine");
        foreach (var url in app.Urls)
        {
            log.LogInformation("TipLine ({Targets}) listening on {Url}", targets, url);
            if (targets.Intake) Console.WriteLine($"Reporters: {url}/report  (follow-up: {url}/report/followup)");
            if (targets.Teams) Console.WriteLine($"Staff:     {url}/staff  (API: {url}/openapi/v1.json)");
        }
    }
}
