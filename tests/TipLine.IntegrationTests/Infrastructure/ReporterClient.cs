using System.Net;
using System.Text.RegularExpressions;

namespace TipLine.IntegrationTests.Infrastructure;

public sealed record SubmitResult(HttpStatusCode Status, string Html, string? Code, string? Passphrase, string? RetryAfter = null);

/// <summary>Drives the public pages the way a browser without JavaScript does.</summary>
public sealed partial class ReporterClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public async Task<Dictionary<string, string>> OpenFormAsync(string culture)
    {
        var html = await http.GetStringAsync($"/report?culture={culture}");
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(html),
            ["Form.SubmissionId"] = SubmissionId().Match(html).Groups[1].Value,
        };
    }

    public async Task<SubmitResult> SubmitAsync(string culture, Guid schoolId, string whatHappened, string dangerNow = "no",
        string? contact = null, string? who = null, string? whenWhere = null, Dictionary<string, string>? form = null)
    {
        form ??= await OpenFormAsync(culture);
        form["Form.SchoolId"] = schoolId.ToString();
        form["Form.WhatHappened"] = whatHappened;
        form["Form.DangerNow"] = dangerNow;
        if (contact is not null) form["Form.Contact"] = contact;
        if (who is not null) form["Form.WhoIsInvolved"] = who;
        if (whenWhere is not null) form["Form.WhenAndWhere"] = whenWhere;
        return await PostFormAsync($"/report?culture={culture}", form);
    }

    public async Task<SubmitResult> PostFormAsync(string url, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(url, content);
        var html = await response.Content.ReadAsStringAsync();
        return new SubmitResult(response.StatusCode, html,
            Decode(ReceiptCode().Match(html)), Decode(ReceiptPassphrase().Match(html)),
            response.Headers.TryGetValues("Retry-After", out var retry) ? retry.First() : null);
    }

    /// <summary>Signs in at /report/followup with the receipt and returns the thread page.</summary>
    public async Task<(HttpStatusCode Status, string Html)> OpenFollowupAsync(string culture, string code, string passphrase)
    {
        var token = Token(await http.GetStringAsync($"/report/followup?culture={culture}"));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["code"] = code, ["passphrase"] = passphrase,
        });
        using var response = await http.PostAsync($"/report/followup?handler=open&culture={culture}", content);
        if (response.StatusCode != HttpStatusCode.Redirect) return (response.StatusCode, await response.Content.ReadAsStringAsync());
        return (HttpStatusCode.OK, await http.GetStringAsync(response.Headers.Location!.ToString()));
    }

    public async Task<HttpStatusCode> AnswerAsync(string culture, string answer)
    {
        var token = Token(await http.GetStringAsync($"/report/followup?culture={culture}"));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["answer"] = answer });
        using var response = await http.PostAsync($"/report/followup?handler=answer&culture={culture}", content);
        return response.StatusCode;
    }

    public static string Token(string html) => RequestToken().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("The page carries no antiforgery token.");

    public void Dispose() => http.Dispose();

    private static string? Decode(Match m) => m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();

    [GeneratedRegex("name=\"Form.SubmissionId\" value=\"([^\"]+)\"")]
    private static partial Regex SubmissionId();

    [GeneratedRegex("<code id=\"receipt-code\">([^<]+)</code>")]
    private static partial Regex ReceiptCode();

    [GeneratedRegex("<code id=\"receipt-passphrase\">([^<]+)</code>")]
    private static partial Regex ReceiptPassphrase();
}
