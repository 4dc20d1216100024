using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TipLine.Teams.Api;
using TipLine.Teams.Cases;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>A staff member using the JSON API.</summary>
internal sealed class StaffClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public HttpClient Http => http;

    public static async Task<StaffClient> SignInAsync(TipLineApp app, string email)
    {
        var client = new StaffClient(app.CreateClient());
        using var response = await client.Http.PostAsJsonAsync("/api/auth/login",
            new LoginRequest(email, TipLineApp.StaffPassword, await app.SignInCodeAsync(email)));
        if (response.StatusCode != HttpStatusCode.NoContent) throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        return client;
    }

    public async Task<List<QueueItem>> QueueAsync() => (await http.GetFromJsonAsync<List<QueueItem>>("/api/cases", Json))!;

    public async Task<QueueItem> WaitForCaseAsync(Func<QueueItem, bool>? match = null, TimeSpan? within = null) =>
        await Eventually.GetAsync(async () => (await QueueAsync()).FirstOrDefault(match ?? (_ => true)), within, "a case in the queue");

    public async Task<(HttpStatusCode Status, string Body)> GetCaseAsync(Guid caseId)
    {
        using var response = await http.GetAsync($"/api/cases/{caseId}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<CaseDetail> CaseAsync(Guid caseId) =>
        (await http.GetFromJsonAsync<CaseDetail>($"/api/cases/{caseId}", Json))!;

    public async Task<HttpStatusCode> AskAsync(Guid caseId, string text)
    {
        using var response = await http.PostAsJsonAsync($"/api/cases/{caseId}/questions", new QuestionRequest(text));
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> AcknowledgeAsync(Guid caseId)
    {
        using var response = await http.PostAsJsonAsync($"/api/cases/{caseId}/acknowledge", new AcknowledgeRequest());
        return response.StatusCode;
    }

    /// <summary>Presses a form on a staff page: reads the page's antiforgery token, then posts the fields with it.</summary>
    public async Task<(HttpStatusCode Status, string Html)> SubmitAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var token = Token(await http.GetStringAsync(page));
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        using var response = await http.PostAsync(action, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Uploads a CSV file through a page's import form ("Check the file" or the import button).</summary>
    public async Task<(HttpStatusCode Status, string Html)> UploadAsync(string page, string action, string csv, bool apply)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(await http.GetStringAsync(page))), "__RequestVerificationToken" },
            { new StringContent(apply ? "true" : "false"), "apply" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "list.csv" },
        };
        using var response = await http.PostAsync(action, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The authenticator app a member sets up from the key /staff/two-factor shows.</summary>
    public async Task<OtpNet.Totp> AuthenticatorAppAsync()
    {
        var key = System.Text.RegularExpressions.Regex.Match(await http.GetStringAsync("/staff/two-factor"),
            "<code id=\"authenticator-key\">([A-Z2-7 ]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        return new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key));
    }

    /// <summary>Sets up the second factor as a member does: adds the key to the app and types its code. Returns the page.</summary>
    public async Task<string> TurnOnTwoFactorAsync()
    {
        var app = await AuthenticatorAppAsync();
        var (_, page) = await SubmitAsync("/staff/two-factor", "/staff/two-factor?handler=TurnOn", ("code", app.ComputeTotp()));
        return page;
    }

    private static string Token(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    public void Dispose() => http.Dispose();
}
