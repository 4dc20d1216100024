using System.Net;
using TipLine.Twilio.Messages;

namespace TipLine.TwilioTests;

public class TwilioRetryTests
{
    [Theory]
    [InlineData(429, null, true)]
    [InlineData(429, 20429, true)]
    [InlineData(400, 20429, true)]
    [InlineData(503, 20429, true)]
    [InlineData(500, null, true)]
    [InlineData(502, null, true)]
    [InlineData(503, 20503, true)]
    [InlineData(400, 21610, false)]
    [InlineData(500, 21610, false)]
    [InlineData(429, 21610, false)]
    [InlineData(400, 30007, false)]
    [InlineData(503, 30007, false)]
    [InlineData(429, 30007, false)]
    [InlineData(400, 21211, false)]
    [InlineData(401, 20003, false)]
    [InlineData(403, null, false)]
    [InlineData(404, 20404, false)]
    [InlineData(408, null, false)]
    public void What_is_worth_another_try(int status, int? code, bool transient)
    {
        Assert.Equal(transient, TwilioRetry.IsTransient((HttpStatusCode)status, code));
    }

    [Theory]
    [InlineData("""{"code": 21610, "message": "Attempt to send to unsubscribed recipient", "more_info": "https://www.twilio.com/docs/errors/21610", "status": 400}""", 21610, 400)]
    [InlineData("""{"code": 20429, "message": "Too Many Requests", "status": 429}""", 20429, 429)]
    [InlineData("""{"message": "Not found", "status": 404}""", null, 404)]
    public void Twilios_error_body_is_read(string json, int? code, int status)
    {
        var error = TwilioApiError.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("[1, 2]")]
    [InlineData("{}")]
    [InlineData("""{"code": "21610"}""")]
    [InlineData("""{"code": 21610""")]
    public void Anything_else_is_no_error_body(string body)
    {
        Assert.Null(TwilioApiError.Parse(System.Text.Encoding.UTF8.GetBytes(body)));
    }
}
