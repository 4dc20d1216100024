using TipLine.Contracts;

namespace TipLine.Teams.Alerts;

/// <summary>
/// The words of an alert to an on-call team member. SMS and email are not secure, so an alert
/// carries only the school, the suggested urgency and a link to sign in: never tip text, names or
/// anything about the reporter. A tip nobody can read yet says so ("in Vietnamese, not yet translated"): the member who
/// opens it knows to find a reader.
/// </summary>
internal static class AlertText
{
    public static string For(Alert alert)
    {
        var text = $"{Subject(alert)}. Open {alert.Link}";
        return alert.ReplyCode is null ? text : $"{text} or reply {alert.ReplyCode} to acknowledge.";
    }

    /// <summary>Several tips of mixed urgency: "5 new tips for Lincoln High School, 2 IMMINENT-urgency".</summary>
    public static string Subject(Alert alert) => alert.Tips switch
    {
        _ when alert.Notice is not null => $"TipLine: {alert.Notice}",
        > 1 when alert.Imminent > 0 && alert.Imminent < alert.Tips =>
            $"TipLine: {alert.Tips} new tips for {alert.SchoolName}, {alert.Imminent} {Label(SuggestedUrgency.Imminent)}",
        > 1 => $"TipLine: {alert.Tips} new {Label(alert.Urgency)} tips for {alert.SchoolName}",
        _ => $"TipLine: new {Label(alert.Urgency)} tip for {alert.SchoolName}{(alert.Unread is null ? "" : $", {alert.Unread}")}",
    };

    private static string Label(SuggestedUrgency urgency) => urgency switch
    {
        SuggestedUrgency.Imminent => "IMMINENT-urgency",
        SuggestedUrgency.High => "HIGH-urgency",
        _ => "routine",
    };
}
