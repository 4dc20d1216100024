namespace TipLine.Teams.Staff;

/// <summary>Staff sign-in (configuration section "Staff").</summary>
internal sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>
    /// Every member signs in with a second factor (an authenticator app's code, or a recovery code). A member without one
    /// is sent to set it up before any other page or API call. Turning this off is for a district whose identity provider
    /// already asks for a second factor.
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;
}
