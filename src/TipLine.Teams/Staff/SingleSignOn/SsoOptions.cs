using System.ComponentModel.DataAnnotations;

namespace TipLine.Teams.Staff.SingleSignOn;

/// <summary>
/// Single sign-on with the district's OpenID Connect provider (configuration section "Staff:Sso"; absent: no SSO).
/// Microsoft Entra ID: Authority https://login.microsoftonline.com/{tenant}/v2.0; Google Workspace:
/// https://accounts.google.com. Register the redirect URI {public staff URL}/staff/login/sso/callback with the provider.
/// </summary>
internal sealed class SsoOptions : IValidatableObject
{
    public const string Section = "Staff:Sso";
    public const string Scheme = "district-sso";
    public const string CallbackPath = "/staff/login/sso/callback";

    [Required, Url]
    public string Authority { get; set; } = "";

    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>What the sign-in button names: "Sign in with {DisplayName}".</summary>
    [Required]
    public string DisplayName { get; set; } = "your district account";

    /// <summary>Only for a provider on a private test network: production metadata is always fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// The provider asks every member for a second factor itself (e.g. Entra ID Conditional Access), so TipLine does not
    /// ask for its own code after single sign-on. Off: a member with an authenticator app is asked for its code as after
    /// a password, and one without sets it up first while <see cref="StaffOptions.RequireTwoFactor"/> is on.
    /// </summary>
    public bool ProviderChecksSecondFactor { get; set; }

    /// <summary>
    /// Every email address the provider returns is one the district manages (a single-tenant Entra ID directory, say),
    /// so a first sign-in may be matched to an account by its address without an <c>email_verified</c> claim (which
    /// Entra ID does not send). Off: only an address the provider marks verified is matched.
    /// </summary>
    public bool ProviderOwnsEmails { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Uri.TryCreate(Authority, UriKind.Absolute, out var authority) && authority.Scheme != Uri.UriSchemeHttps && RequireHttpsMetadata)
        {
            yield return new ValidationResult("Staff:Sso:Authority must be an https URL (RequireHttpsMetadata is on).", [nameof(Authority)]);
        }
    }
}
