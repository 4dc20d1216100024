using System.Net;
using System.Text.RegularExpressions;
using TipLine.IntegrationTests.Infrastructure;

namespace TipLine.IntegrationTests.Teams;

/// <summary>The on-call page driven the way a browser without JavaScript does: read the page, post its forms.</summary>
public sealed partial class OnCallPage(HttpClient http)
{
    public async Task<string> HtmlAsync()
    {
        using var response = await http.GetAsync("/staff/oncall");
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"On-call page: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<(HttpStatusCode Status, string Html)> PostAsync(string handler, Guid? teamId, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = ReporterClient.Token(await HtmlAsync());
        var url = $"/staff/oncall?handler={handler}" + (teamId is { } id ? $"&teamId={id}" : "");
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        using var response = await http.PostAsync(url, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<(HttpStatusCode Status, string Html)> SaveRotationAsync(Guid teamId, IReadOnlyList<Guid> order, string interval = "Daily",
        string handoffTime = "08:00", string timeZone = "America/Chicago", string startDate = "2025-01-01", IEnumerable<Guid>? leftOut = null) =>
        PostAsync("rotation", teamId,
            order.Select((id, i) => new KeyValuePair<string, string>($"positions[{id}]", (i + 1).ToString()))
                .Concat((leftOut ?? []).Select(id => new KeyValuePair<string, string>($"positions[{id}]", "")))
                .Concat([new("interval", interval), new("handoffTime", handoffTime), new("timeZone", timeZone), new("startDate", startDate)]));

    /// <summary>An override, with local times in the viewer's time zone.</summary>
    public Task<(HttpStatusCode Status, string Html)> AddOverrideAsync(Guid teamId, Guid memberId, DateTime startsAt, DateTime endsAt) =>
        PostAsync("override", teamId, [new("memberId", memberId.ToString()),
            new("startsAt", startsAt.ToString("yyyy-MM-ddTHH:mm")), new("endsAt", endsAt.ToString("yyyy-MM-ddTHH:mm"))]);

    /// <summary>The visible text of "On call now" (or "Next": field "next") in a team's section.</summary>
    public static string Field(string html, Guid teamId, string field = "now")
    {
        var section = Regex.Match(html, $"<section class=\"oncall-team\" id=\"team-{teamId}\">(.*?)</section>", RegexOptions.Singleline);
        if (!section.Success) return "(team not shown)";
        var value = Regex.Match(section.Groups[1].Value, $"<dd class=\"{field}\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value;
        return WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(value, " "), " ").Trim());
    }

    public static IEnumerable<Guid> OverrideIds(string html) =>
        Regex.Matches(html, "name=\"overrideId\" value=\"([0-9a-f-]+)\"").Select(m => Guid.Parse(m.Groups[1].Value));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
