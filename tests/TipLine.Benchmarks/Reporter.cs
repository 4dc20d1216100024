using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using TipLine.Hosting;

namespace TipLine.Benchmarks;

/// <summary>One tip as a reporter would type it into the web form.</summary>
public sealed record Tip(string Culture, Guid SchoolId, string WhatHappened, string? WhoIsInvolved, string? WhenAndWhere, bool DangerNow);

/// <summary>What one submission gave: a receipt (Error null) or the reason it did not.</summary>
public sealed record Submission(string? Error, string? SubmissionId, double PostMilliseconds, long AnsweredAt)
{
    public bool Ok => Error is null;
}

/// <summary>The tips the benchmark sends: mostly English, every fourth in Spanish (so routing calls Apertium).</summary>
public static class Tips
{
    public const string Mix = "3 in 4 English, 1 in 4 Spanish (translated es->en by APY); 1 in 10 'danger now'";

    private static readonly Guid[] Schools = [DemoDistrict.LincolnHigh, DemoDistrict.RooseveltMiddle, DemoDistrict.JeffersonElementary];

    private static readonly string[] English =
    [
        "A student in my class said he is going to bring a knife to school on Friday and showed a photo of it.",
        "Someone keeps posting mean messages about a girl in 8th grade and telling her to hurt herself.",
        "I heard two older kids talking about a fight after school behind the gym. They said they would bring friends.",
        "My friend has been really sad and gave away her things. She said she won't be around much longer.",
    ];

    private static readonly string[] Spanish =
    [
        "Un estudiante de mi clase dijo que va a traer un cuchillo a la escuela el viernes.",
        "Alguien sigue enviando mensajes crueles a una chica de octavo grado en el autobús.",
    ];

    public static Tip For(int index)
    {
        var school = Schools[index % Schools.Length];
        var danger = index % 10 == 0;
        var details = index % 2 == 0;
        return index % 4 == 3
            ? new Tip("es", school, Spanish[index / 4 % Spanish.Length],
                details ? "Un chico de noveno grado" : null, details ? "En la cafetería, a la hora del almuerzo" : null, danger)
            : new Tip("en", school, English[index % English.Length],
                details ? "A boy in 9th grade" : null, details ? "In the cafeteria at lunch" : null, danger);
    }
}

/// <summary>
/// A reporter's browser, fresh for every tip: GET /report (form, antiforgery cookie and token),
/// then POST /report with the cookie. Only the POST is timed.
/// </summary>
public sealed partial class Reporter(HttpClient http)
{
    public async Task<Submission> SubmitAsync(Tip tip, CancellationToken ct)
    {
        try
        {
            var path = "/report?culture=" + tip.Culture;
            string html;
            string cookies;
            using (var get = await http.GetAsync(path, ct))
            {
                if (get.StatusCode != HttpStatusCode.OK) return Failed($"GET answered {(int)get.StatusCode}");
                html = await get.Content.ReadAsStringAsync(ct);
                cookies = string.Join("; ", get.Headers.TryGetValues("Set-Cookie", out var set)
                    ? set.Select(c => c.Split(';', 2)[0]) : []);
            }
            var token = HiddenValue(html, "__RequestVerificationToken");
            var submissionId = HiddenValue(html, "Form.SubmissionId");
            if (token is null || submissionId is null) return Failed("form without token or submission id");
            if (cookies.Length == 0) return Failed("GET set no antiforgery cookie");

            var fields = new List<KeyValuePair<string, string>>
            {
                new("__RequestVerificationToken", token),
                new("Form.SubmissionId", submissionId),
                new("Form.SchoolId", tip.SchoolId.ToString()),
                new("Form.WhatHappened", tip.WhatHappened),
                new("Form.DangerNow", tip.DangerNow ? "yes" : "no"),
            };
            if (tip.WhoIsInvolved is not null) fields.Add(new("Form.WhoIsInvolved", tip.WhoIsInvolved));
            if (tip.WhenAndWhere is not null) fields.Add(new("Form.WhenAndWhere", tip.WhenAndWhere));
            using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
            post.Headers.Add("Cookie", cookies);

            var started = Stopwatch.GetTimestamp();
            using var answer = await http.SendAsync(post, HttpCompletionOption.ResponseContentRead, ct);
            var body = await answer.Content.ReadAsStringAsync(ct);
            var answeredAt = Stopwatch.GetTimestamp();
            var milliseconds = Stopwatch.GetElapsedTime(started, answeredAt).TotalMilliseconds;

            if (answer.StatusCode != HttpStatusCode.OK) return Failed($"POST answered {(int)answer.StatusCode}");
            if (body.Contains("id=\"receipt-duplicate\"", StringComparison.Ordinal)) return Failed("POST answered 'already received'");
            if (!body.Contains("<code id=\"receipt-code\">", StringComparison.Ordinal)) return Failed("POST answered 200 without a receipt");
            return new Submission(null, submissionId, milliseconds, answeredAt);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return Failed(e is TaskCanceledException ? "client timeout" : e.GetType().Name);
        }
    }

    private static Submission Failed(string error) => new(error, null, 0, 0);

    /// <summary>The value of the form field with this name (attribute order does not matter).</summary>
    private static string? HiddenValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (!input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal)) continue;
            var value = ValueAttribute().Match(input.Value);
            return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
        }
        return null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
