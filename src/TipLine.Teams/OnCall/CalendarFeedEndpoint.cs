using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TipLine.Teams.Audit;

namespace TipLine.Teams.OnCall;

internal static class CalendarFeedEndpoint
{
    public const string PathPrefix = "/staff/oncall/feed/";

    /// <summary>The secret calendar address: no cookie (calendar apps have none), the token is the credential.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PathPrefix + "{token}.ics", async (string token, CalendarFeeds feeds, OnCallCalendar calendar, AuditLog audit,
            TeamsDbContext db, CancellationToken ct) =>
        {
            if (await feeds.OwnerAsync(token, ct) is not { } staffId) return Results.NotFound();
            audit.Record(staffId, AuditActions.ReadCalendarFeed, null, allowed: true);
            await db.SaveChangesAsync(ct);
            return Results.Text(await calendar.ForAsync(staffId, ct), "text/calendar; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
