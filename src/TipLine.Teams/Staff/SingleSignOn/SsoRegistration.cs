using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TipLine.Teams.Staff.SingleSignOn;

internal static class SsoRegistration
{
    /// <summary>
    /// The district's provider as an external login: authorization code flow with PKCE, the answer in the query (so the
    /// correlation cookies can be SameSite=Lax), the email from the userinfo endpoint. The result lands in Identity's
    /// external cookie, which <see cref="SsoSignIn"/> turns into a staff session or a refusal.
    /// </summary>
    public static void AddDistrictSso(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SsoOptions.Section);
        services.AddScoped<SsoSignIn>();
        if (!section.Exists()) return;
        services.AddOptions<SsoOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var sso = section.Get<SsoOptions>() ?? new SsoOptions();
        services.AddAuthentication().AddOpenIdConnect(SsoOptions.Scheme, sso.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            o.ClientSecret = sso.ClientSecret;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CallbackPath = SsoOptions.CallbackPath;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            o.GetClaimsFromUserInfoEndpoint = true;
            o.ClaimActions.MapUniqueJsonKey(SsoSignIn.EmailVerifiedClaim, SsoSignIn.EmailVerifiedClaim);
            o.SaveTokens = false;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A refusal or an error at the provider comes back to the sign-in page with a plain message, never a stack.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/staff/login?sso=failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
