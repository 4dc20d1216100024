using TipLine.Twilio;

namespace TipLine.TwilioTests;

public class TwilioSignatureTests
{
    // Twilio's documented example ("Secure webhooks" / "Webhooks Security").
    private const string DocUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string DocToken = "12345";
    private const string DocSignature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private static readonly KeyValuePair<string, string>[] DocParams =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+12349013030"),
        new("Digits", "1234"),
        new("From", "+12349013030"),
        new("To", "+18005551212"),
    ];

    // Signatures of other URLs, computed independently of this code (HMAC-SHA1 in another language).
    private const string SignedWith443 = "EpDEmp1PyjDYp77YxYU3GILBWzE=";   // https://mycompany.com:443/myapp.php?foo=1&bar=2
    private const string SignedHttpWith80 = "boT12oXXJ0BuzO2U/6iCqFdh2Do="; // http://mycompany.com:80/myapp.php?foo=1&bar=2
    private const string SignedHttp = "FYMaGAU6nPbB9h2pncMl4aJ4vns=";       // http://mycompany.com/myapp.php?foo=1&bar=2
    private const string SignedWith8443 = "SffuNP6bC3hHFCUbsco6GyaPyas=";  // https://mycompany.com:8443/myapp.php?foo=1&bar=2

    [Fact]
    public void Twilios_documented_example_computes_to_the_documented_signature()
    {
        Assert.Equal(DocSignature, TwilioSignature.Compute(DocToken, DocUrl, DocParams));
    }

    [Fact]
    public void Parameter_order_does_not_matter()
    {
        Assert.Equal(DocSignature, TwilioSignature.Compute(DocToken, DocUrl, DocParams.Reverse()));
    }

    [Fact]
    public void Non_ascii_text_and_empty_values_are_signed_as_utf8()
    {
        KeyValuePair<string, string>[] form =
            [new("Body", "Hola, ¿qué tal? 👋 & <b>"), new("From", "+15005550006"), new("MediaUrl0", ""), new("NumMedia", "0")];

        Assert.Equal("6PoKnA5m5UpwzPud1eUOlrUCXo0=", TwilioSignature.Compute(DocToken, "https://tips.example.org/twilio/sms", form));
    }

    public sealed record SignatureCase(string Url, IEnumerable<KeyValuePair<string, string>> Params, string Token, string? Signature, bool Valid);

    private static KeyValuePair<string, string>[] DocParamsWith(string name, string value) =>
        [.. DocParams.Where(p => p.Key != name), new(name, value)];

    private static readonly Dictionary<string, SignatureCase> Cases = new()
    {
        ["valid: the documented example"] = new(DocUrl, DocParams, DocToken, DocSignature, true),
        ["valid: signed with :443, request URL without"] = new(DocUrl, DocParams, DocToken, SignedWith443, true),
        ["valid: signed without a port, request URL with :443"] =
            new("https://mycompany.com:443/myapp.php?foo=1&bar=2", DocParams, DocToken, DocSignature, true),
        ["valid: http signed with :80, request URL without"] =
            new("http://mycompany.com/myapp.php?foo=1&bar=2", DocParams, DocToken, SignedHttpWith80, true),
        ["valid: http signed without a port, request URL with :80"] =
            new("http://mycompany.com:80/myapp.php?foo=1&bar=2", DocParams, DocToken, SignedHttp, true),
        ["valid: a non-default port as signed"] =
            new("https://mycompany.com:8443/myapp.php?foo=1&bar=2", DocParams, DocToken, SignedWith8443, true),
        ["invalid: a non-default port is never dropped"] = new(DocUrl, DocParams, DocToken, SignedWith8443, false),
        ["invalid: :80 is not the https default"] =
            new("https://mycompany.com:80/myapp.php?foo=1&bar=2", DocParams, DocToken, DocSignature, false),
        ["invalid: http instead of https"] = new("http://mycompany.com/myapp.php?foo=1&bar=2", DocParams, DocToken, DocSignature, false),
        ["invalid: tampered parameter value"] = new(DocUrl, DocParamsWith("Digits", "1235"), DocToken, DocSignature, false),
        ["invalid: tampered From"] = new(DocUrl, DocParamsWith("From", "+15551234567"), DocToken, DocSignature, false),
        ["invalid: extra parameter"] = new(DocUrl, [.. DocParams, new("Body", "hi")], DocToken, DocSignature, false),
        ["invalid: missing parameter"] = new(DocUrl, DocParams.Where(p => p.Key != "Caller"), DocToken, DocSignature, false),
        ["invalid: parameter moved into the query"] =
            new(DocUrl + "&Digits=1234", DocParams.Where(p => p.Key != "Digits"), DocToken, DocSignature, false),
        ["invalid: wrong auth token"] = new(DocUrl, DocParams, "54321", DocSignature, false),
        ["invalid: empty auth token"] = new(DocUrl, DocParams, "", DocSignature, false),
        ["invalid: missing signature"] = new(DocUrl, DocParams, DocToken, null, false),
        ["invalid: empty signature"] = new(DocUrl, DocParams, DocToken, "", false),
        ["invalid: whitespace signature"] = new(DocUrl, DocParams, DocToken, "   ", false),
        ["invalid: not base64"] = new(DocUrl, DocParams, DocToken, "not*base64!at~all", false),
        ["invalid: signature with padding removed"] = new(DocUrl, DocParams, DocToken, DocSignature.TrimEnd('='), false),
        ["invalid: signature with a trailing space"] = new(DocUrl, DocParams, DocToken, DocSignature + " ", false),
        ["invalid: signature in another case"] = new(DocUrl, DocParams, DocToken, DocSignature.ToUpperInvariant(), false),
        ["invalid: signature as hex"] = new(DocUrl, DocParams, DocToken, Convert.ToHexString(Convert.FromBase64String(DocSignature)), false),
        ["invalid: different path"] = new("https://mycompany.com/myapp2.php?foo=1&bar=2", DocParams, DocToken, DocSignature, false),
        ["invalid: different host"] = new("https://evil.example/myapp.php?foo=1&bar=2", DocParams, DocToken, DocSignature, false),
        ["invalid: different query"] = new("https://mycompany.com/myapp.php?foo=2&bar=2", DocParams, DocToken, DocSignature, false),
        ["invalid: query dropped"] = new("https://mycompany.com/myapp.php", DocParams, DocToken, DocSignature, false),
        ["invalid: trailing slash added"] = new("https://mycompany.com/myapp.php/?foo=1&bar=2", DocParams, DocToken, DocSignature, false),
        ["invalid: empty URL"] = new("", DocParams, DocToken, DocSignature, false),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Signature_cases(string name)
    {
        var c = Cases[name];

        Assert.Equal(c.Valid, TwilioSignature.IsValid(c.Token, c.Url, c.Params, c.Signature));
    }

    [Theory]
    [InlineData("https://a.example/x", new[] { "https://a.example/x", "https://a.example:443/x" })]
    [InlineData("https://a.example:443/x?y=1", new[] { "https://a.example:443/x?y=1", "https://a.example/x?y=1" })]
    [InlineData("http://a.example", new[] { "http://a.example", "http://a.example:80" })]
    [InlineData("http://a.example:80?q=:443", new[] { "http://a.example:80?q=:443", "http://a.example?q=:443" })]
    [InlineData("https://user:pw@a.example/x", new[] { "https://user:pw@a.example/x", "https://user:pw@a.example:443/x" })]
    [InlineData("https://[2001:db8::1]/x", new[] { "https://[2001:db8::1]/x", "https://[2001:db8::1]:443/x" })]
    [InlineData("https://[2001:db8::1]:443/x", new[] { "https://[2001:db8::1]:443/x", "https://[2001:db8::1]/x" })]
    [InlineData("https://a.example:8443/x", new[] { "https://a.example:8443/x" })]
    [InlineData("ftp://a.example/x", new[] { "ftp://a.example/x" })]
    [InlineData("not a url", new[] { "not a url" })]
    public void Url_variants_add_or_remove_only_the_default_port(string url, string[] expected)
    {
        Assert.Equal(expected, TwilioSignature.UrlVariants(url));
    }
}
