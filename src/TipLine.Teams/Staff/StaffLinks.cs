using Microsoft.AspNetCore.Http;
using TipLine.Teams.Alerts;

namespace TipLine.Teams.Staff;

internal static class StaffLinks
{
    /// <summary>Where links in staff emails start: Alerts:StaffBaseUrl, else the address this request came to.</summary>
    public static string BaseUrl(HttpRequest request, AlertOptions options) =>
        options.StaffBaseUrl.Length > 0 ? options.StaffBaseUrl : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
