using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace TipLine.Twilio;

/// <summary>Reads Twilio's form fields by exact name and collects every problem, so one error names them all.</summary>
internal sealed class WebhookFields
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly List<string> missing = [];
    private readonly List<string> malformed = [];

    public WebhookFields(IEnumerable<KeyValuePair<string, string>> form)
    {
        foreach (var (name, value) in form) values.TryAdd(name, value);
    }

    public static IEnumerable<KeyValuePair<string, string>> Flatten(IFormCollection form) =>
        form.SelectMany(field => field.Value.Select(value => new KeyValuePair<string, string>(field.Key, value ?? "")));

    /// <summary>Present and not empty, or recorded as missing.</summary>
    public string Required(string name)
    {
        if (values.TryGetValue(name, out var value) && value.Length > 0) return value;
        missing.Add(name);
        return "";
    }

    /// <summary>Null when absent or empty.</summary>
    public string? Optional(string name) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public int? OptionalInt(string name)
    {
        if (Optional(name) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        malformed.Add($"{name} is not a whole number");
        return null;
    }

    public Uri? RequiredUrl(string name)
    {
        var text = Required(name);
        if (text.Length == 0) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)) return url;
        malformed.Add($"{name} is not an absolute http(s) URL");
        return null;
    }

    public void Malformed(string problem) => malformed.Add(problem);

    public ParsedWebhook<T> Result<T>(string webhook, Func<T> build) where T : class
    {
        if (missing.Count == 0 && malformed.Count == 0) return ParsedWebhook.Valid(build());
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add("missing " + string.Join(", ", missing));
        problems.AddRange(malformed);
        return ParsedWebhook.Invalid<T>($"{webhook} webhook: {string.Join("; ", problems)}.");
    }
}
