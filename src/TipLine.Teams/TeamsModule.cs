using Microsoft.EntityFrameworkCore;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipLine.Attachments;
using TipLine.Bus;
using TipLine.Bus.Work;
using TipLine.Mail;
using TipLine.Teams.Alerts;
using TipLine.Teams.Api;
using TipLine.Twilio;
using TipLine.Teams.Audit;
using TipLine.Teams.Cases;
using TipLine.Teams.District;
using TipLine.Teams.Consumers;
using TipLine.Teams.OnCall;
using TipLine.Teams.Escalation;
using TipLine.Teams.Incidents;
using TipLine.Teams.Surges;
using TipLine.Teams.Staff;
using TipLine.Teams.Staff.SingleSignOn;
using TipLine.Teams.SystemStatus;

namespace TipLine.Teams;

/// <summary>The staff surface: what the host calls to run the team queues.</summary>
public static class TeamsModule
{
    /// <summary>The module's schema context for the migrate step, which alone runs as the schema owner.</summary>
    public static DbContext CreateMigrationContext(string connectionString) => new TeamsDbContextFactory().Create(connectionString);

    /// <summary>
    /// The audit-check command: recomputes the audit log's chain, writes what it found and returns whether it is whole.
    /// </summary>
    public static async Task<bool> CheckAuditChainAsync(IConfiguration configuration, TextWriter output, CancellationToken ct = default)
    {
        var connectionString = configuration.GetConnectionString("Teams") ?? configuration.GetConnectionString("TipLine")
            ?? throw new InvalidOperationException("ConnectionStrings:TipLine is not configured.");
        await using var db = new TeamsDbContextFactory().Create(connectionString);
        var check = await new AuditChain(db).CheckAsync(ct);
        await output.WriteLineAsync(check.Intact
            ? $"audit-check: {check.Entries} entries, chain intact, head {check.HeadHash}"
            : $"audit-check: {check.Entries} entries, CHAIN BROKEN at entry {check.FirstMismatchId}. {check.Problem}");
        return check.Intact;
    }

    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TeamsDbContext>(configuration, "Teams").AddOutboxRelay<TeamsDbContext>();
        services.AddScoped<CaseWork>().AddScoped<AuditLog>().AddScoped<AuditChain>().AddScoped<AuditBrowser>().AddScoped<StaffSignIn>().AddScoped<Authenticator>().AddScoped<StaffAccounts>().AddScoped<StaffRoster>().AddScoped<FirstRun>().AddScoped<StaffImport>().AddScoped<DeadWorkReport>().AddScoped<IncidentGrouping>().AddScoped<SenderFlood>();
        services.AddOptions<IncidentOptions>().Bind(configuration.GetSection(IncidentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SurgeOptions>().Bind(configuration.GetSection(SurgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SurgeStatus>().AddScoped<SurgeWatch>()
            .AddRecurringPass<SurgeWatch>(sp => sp.GetRequiredService<IOptions<SurgeOptions>>().Value.CheckEvery);
        services.AddScoped<OnCallBoard>().AddScoped<ScheduleEditor>().AddScoped<CalendarFeeds>().AddScoped<OnCallCalendar>();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection("Alerts"));
        services.AddTwilio(configuration);
        // A method whose provider is not configured has no sender: its alerts are recorded as failed and go by the other method.
        services.AddScoped<SmsAlertSender>();
        if (configuration.GetSection(TwilioOptions.Section).Exists()) services.AddScoped<IAlertSender>(sp => sp.GetRequiredService<SmsAlertSender>());
        services.AddEscalation(configuration);
        services.AddMail(configuration);
        services.AddScoped<EmailAlertSender>();
        if (configuration.GetSection(SmtpOptions.Section).Exists()) services.AddScoped<IAlertSender>(sp => sp.GetRequiredService<EmailAlertSender>());
        services.AddAttachments(configuration);

        services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the email address, checked as one (MimeKit) before it gets here: o'brien@… is fine.
                o.User.AllowedUserNameCharacters = "";
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorCodes.ProviderName;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<TeamsDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<CommonPasswordValidator>()
            // The data-protection tokens of password-reset and invitation links, and authenticator codes (TOTP) that work once.
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokens>(InvitationTokens.ProviderName)
            .AddTokenProvider<SingleUseAuthenticatorCodes>(SingleUseAuthenticatorCodes.ProviderName);
        services.AddOptions<InvitationTokenOptions>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = InvitationTokens.ResetLifespan);
        // The security stamp is checked on every request: deactivation and a password reset end open sessions at once.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = KeepSignInMethod;
        });
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section)).ValidateOnStart();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddDistrictSso(configuration);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "tl_staff";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.LoginPath = "/staff/login";
            // The API answers 401; pages redirect to the sign-in page. A refusal is a plain 403 everywhere.
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedRefusals>();
        return services;
    }

    /// <summary>The module's consumers, each on its own queue with the one retry policy.</summary>
    public static IReadOnlyList<Type> Consumers { get; } =
    [
        typeof(ReportRoutedConsumer),
        typeof(ReporterAnswerTranslatedConsumer),
        typeof(QuestionTranslatedConsumer),
        typeof(ReportAttachmentAddedConsumer),
        typeof(ReportNotedConsumer),
        typeof(UnroutedReportsCountedConsumer),
        typeof(DeadWorkCountedConsumer),
        typeof(ReporterMessageStatusChangedConsumer),
    ];

    public static void AddTeamsConsumers(this IBusRegistrationConfigurator bus) => bus.AddRetryingConsumers(Consumers);

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTeamsApi();
        endpoints.MapAuditExport();
        endpoints.MapStaffApi();
        endpoints.MapDistrictApi();
        endpoints.MapSchoolsCsv();
        endpoints.MapStaffCsv();
        endpoints.MapCalendarFeed();
        endpoints.MapAlertWebhooks();
        // An attachment is played by the case page's <audio> element, with the staff cookie.
        endpoints.MapGet("/staff/cases/{caseId:guid}/attachments/{attachmentId:guid}", async (Guid caseId, Guid attachmentId,
            System.Security.Claims.ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
        {
            var result = await work.OpenAttachmentAsync(user.StaffId(), caseId, attachmentId, ct);
            return result.Access switch
            {
                Cases.CaseAccess.Allowed => Results.File(result.Value!.Content, result.Value.ContentType, enableRangeProcessing: true),
                Cases.CaseAccess.Forbidden => Results.StatusCode(StatusCodes.Status403Forbidden),
                _ => Results.NotFound(),
            };
        }).RequireAuthorization().ExcludeFromDescription();
        var stylesheet = ReadAsset("staff.css");
        endpoints.MapGet("/assets/staff.css", () => Results.Bytes(stylesheet, "text/css; charset=utf-8")).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// The import command: checks a CSV list of "schools" or "staff" and, unless <paramref name="dryRun"/>, imports it all
    /// or nothing, for the district administrator <paramref name="actorEmail"/> (audited).
    /// </summary>
    public static Task<(bool Succeeded, string Summary, IReadOnlyList<string> Problems)> ImportAsync(IServiceProvider services, string what,
        Stream csv, bool dryRun, string actorEmail, IProgress<(int Done, int Of)>? progress, CancellationToken ct) =>
        CommandLineImport.RunAsync(services, what, csv, dryRun, actorEmail, progress, ct);

    /// <summary>
    /// On a new installation (no district administrator yet): the path of a new one-use link that creates the first one;
    /// null otherwise.
    /// </summary>
    public static Task<string?> OfferFirstRunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<FirstRun>().OfferAsync(ct);

    /// <summary>The refreshed principal keeps how the member signed in (Identity's "amr": "pwd" or "mfa").</summary>
    private static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var method in current.FindAll("amr").Where(c => !identity.HasClaim("amr", c.Value)).ToList())
            {
                identity.AddClaim(new System.Security.Claims.Claim("amr", method.Value));
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>After authentication: a member signed in without a second factor, while one is required, only sets one up.</summary>
    public static IApplicationBuilder UseTeamsTwoFactorGate(this IApplicationBuilder app) => app.UseMiddleware<TwoFactorGate>();

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static byte[] ReadAsset(string name)
    {
        using var stream = typeof(TeamsModule).Assembly.GetManifestResourceStream($"TipLine.Teams.Assets.{name}")
            ?? throw new InvalidOperationException($"Missing asset {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
