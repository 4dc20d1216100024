using Microsoft.AspNetCore.Http;
using TipLine.Teams.Alerts;

namespace TipLine.Teams.Staff;

internal static class StaffLinks
{
    /// <summary>
    /// Where links in staff emails start: Alerts:StaffBaseUrl, else the address this request came to. Only a signed-in
    /// administrator's request may supply it (an invitation): its Host header is theirs. See <see cref="ConfiguredBaseUrl"/>.
    /// </summary>
    public static string BaseUrl(HttpRequest request, AlertOptions options) =>
        options.StaffBaseUrl.Length > 0 ? options.StaffBaseUrl : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// For links asked for by anyone (a password reset): only the configured address, never the request's Host header,
    /// which a stranger could set to their own site to receive the member's token. Null when none is configured.
    /// </summary>
    public static string? ConfiguredBaseUrl(AlertOptions options) => options.StaffBaseUrl.Length > 0 ? options.StaffBaseUrl : null;
}
