using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using TipLine.Twilio.Webhooks;

namespace TipLine.TwilioTests;

public class WebhookFormTests
{
    private const string MessageSid = "SM1234567890abcdef1234567890abcdef";
    private const string AccountSid = "AC1234567890abcdef1234567890abcdef";

    private static KeyValuePair<string, string>[] Form(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];

    private static readonly (string, string)[] Sms =
        [("MessageSid", MessageSid), ("AccountSid", AccountSid), ("From", "+15005550006"), ("To", "+15005550001"), ("Body", "there is a gun in a locker"), ("NumMedia", "0")];

    [Fact]
    public void An_sms_is_read_with_its_fields()
    {
        var parsed = InboundMessage.FromForm(Form(Sms));

        Assert.True(parsed.IsValid, parsed.Error);
        var m = parsed.Value;
        Assert.Equal((MessageSid, AccountSid, "+15005550006", "+15005550001", "there is a gun in a locker"), (m.MessageSid, m.AccountSid, m.From, m.To, m.Body));
        Assert.Empty(m.Media);
        Assert.Equal(0, m.NumMedia);
    }

    [Fact]
    public void An_mms_is_read_with_each_media_url_and_content_type_in_order()
    {
        var parsed = InboundMessage.FromForm(Form(
            ("MessageSid", MessageSid), ("AccountSid", AccountSid), ("From", "+15005550006"), ("To", "+15005550001"), ("NumMedia", "2"),
            ("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2"), ("MediaContentType1", "video/mp4"),
            ("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"), ("MediaContentType0", "image/jpeg")));

        Assert.True(parsed.IsValid, parsed.Error);
        Assert.Equal("", parsed.Value.Body);
        Assert.Equal(2, parsed.Value.NumMedia);
        Assert.Equal(["image/jpeg", "video/mp4"], parsed.Value.Media.Select(m => m.ContentType));
        Assert.EndsWith("/ME1", parsed.Value.Media[0].Url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_collection_is_read_like_pairs()
    {
        var form = new FormCollection(Sms.ToDictionary(f => f.Item1, f => new StringValues(f.Item2)));

        var fromPairs = InboundMessage.FromForm(Form(Sms)).Value!;
        var fromCollection = InboundMessage.FromForm(form).Value!;

        Assert.Equal(
            (fromPairs.MessageSid, fromPairs.AccountSid, fromPairs.From, fromPairs.To, fromPairs.Body, fromPairs.NumMedia),
            (fromCollection.MessageSid, fromCollection.AccountSid, fromCollection.From, fromCollection.To, fromCollection.Body, fromCollection.NumMedia));
    }

    public static TheoryData<string, string[], string> BadMessages => new()
    {
        { "no MessageSid", ["MessageSid"], "Inbound message webhook: missing MessageSid." },
        { "empty From", ["From=", "AccountSid"], "Inbound message webhook: missing AccountSid, From." },
        { "NumMedia not a number", ["NumMedia=two"], "Inbound message webhook: NumMedia is not a whole number." },
        { "NumMedia negative", ["NumMedia=-1"], "Inbound message webhook: NumMedia is not a whole number." },
        { "NumMedia over 10", ["NumMedia=11"], "Inbound message webhook: NumMedia is over 10." },
        { "media url missing", ["NumMedia=1", "+MediaContentType0=image/png"], "Inbound message webhook: missing MediaUrl0." },
        { "media type missing", ["NumMedia=1", "+MediaUrl0=https://api.twilio.com/m"], "Inbound message webhook: missing MediaContentType0." },
        { "media url relative", ["NumMedia=1", "+MediaUrl0=/m", "+MediaContentType0=image/png"], "Inbound message webhook: MediaUrl0 is not an absolute http(s) URL." },
        { "media url not http", ["NumMedia=1", "+MediaUrl0=file:///etc/passwd", "+MediaContentType0=image/png"], "Inbound message webhook: MediaUrl0 is not an absolute http(s) URL." },
    };

    /// <summary>Edits on the valid SMS: "Name" removes it, "Name=value" replaces it, "+Name=value" adds it.</summary>
    [Theory]
    [MemberData(nameof(BadMessages))]
    public void A_message_missing_or_malforming_fields_is_refused_with_every_problem_named(string _, string[] edits, string error)
    {
        var fields = Sms.ToList();
        foreach (var edit in edits)
        {
            var (name, value) = edit.Split('=', 2) is [var n, var v] ? (n, v) : (edit, null);
            if (!name.StartsWith('+')) fields.RemoveAll(f => f.Item1 == name);
            if (value is not null) fields.Add((name.TrimStart('+'), value));
        }

        var parsed = InboundMessage.FromForm(Form([.. fields]));

        Assert.False(parsed.IsValid);
        Assert.Null(parsed.Value);
        Assert.Equal(error, parsed.Error);
    }

    [Fact]
    public void Errors_name_fields_and_never_echo_their_values()
    {
        var parsed = InboundMessage.FromForm(Form(("Body", "my name is Jo and I saw it"), ("NumMedia", "lots")));

        Assert.Equal("Inbound message webhook: missing MessageSid, AccountSid, From, To; NumMedia is not a whole number.", parsed.Error);
    }

    [Fact]
    public void A_call_is_read_even_when_the_caller_id_is_withheld()
    {
        var withId = InboundCall.FromForm(Form(("CallSid", "CA1"), ("From", "+15005550006"), ("To", "+15005550001"), ("CallStatus", "ringing")));
        var withheld = InboundCall.FromForm(Form(("CallSid", "CA1"), ("To", "+15005550001"), ("CallStatus", "ringing")));

        Assert.Equal(new InboundCall("CA1", "+15005550006", "+15005550001", "ringing"), withId.Value);
        Assert.Equal(new InboundCall("CA1", null, "+15005550001", "ringing"), withheld.Value);
    }

    [Fact]
    public void A_call_without_sid_status_or_called_number_is_refused()
    {
        Assert.Equal("Inbound call webhook: missing CallSid, To, CallStatus.", InboundCall.FromForm(Form(("From", "+15005550006"))).Error);
    }

    [Fact]
    public void A_completed_recording_is_read_with_its_url_and_duration()
    {
        var parsed = RecordingStatus.FromForm(Form(
            ("AccountSid", AccountSid), ("CallSid", "CA1"), ("RecordingSid", "RE1"), ("RecordingStatus", "completed"),
            ("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1"), ("RecordingDuration", "42"),
            ("RecordingChannels", "1"), ("RecordingSource", "RecordVerb")));

        Assert.True(parsed.IsValid, parsed.Error);
        Assert.True(parsed.Value.IsCompleted);
        Assert.Equal(new RecordingStatus("RE1", new Uri("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1"), "completed", 42, "CA1"), parsed.Value);
    }

    [Theory]
    [InlineData("completed", null, null, "Recording status webhook: missing RecordingUrl.")]
    [InlineData("completed", "nope", null, "Recording status webhook: RecordingUrl is not an absolute http(s) URL.")]
    [InlineData("completed", "https://api.twilio.com/r", "4.5", "Recording status webhook: RecordingDuration is not a whole number.")]
    [InlineData("absent", null, "0", null)]
    [InlineData("failed", null, null, null)]
    public void A_recording_needs_a_url_only_once_completed(string status, string? url, string? duration, string? error)
    {
        var fields = new List<(string, string)> { ("CallSid", "CA1"), ("RecordingSid", "RE1"), ("RecordingStatus", status) };
        if (url is not null) fields.Add(("RecordingUrl", url));
        if (duration is not null) fields.Add(("RecordingDuration", duration));

        Assert.Equal(error, RecordingStatus.FromForm(Form([.. fields])).Error);
    }

    [Theory]
    [InlineData("delivered", null, false)]
    [InlineData("sent", null, false)]
    [InlineData("undelivered", 30007, true)]
    [InlineData("failed", 21610, true)]
    public void A_message_status_carries_its_error_code(string status, int? code, bool failure)
    {
        var fields = new List<(string, string)> { ("MessageSid", MessageSid), ("MessageStatus", status), ("SmsStatus", status) };
        if (code is not null) fields.Add(("ErrorCode", code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var parsed = MessageStatus.FromForm(Form([.. fields]));

        Assert.Equal(new MessageStatus(MessageSid, status, code), parsed.Value);
        Assert.Equal(failure, parsed.Value!.IsFailure);
    }

    [Fact]
    public void A_message_status_without_sid_or_status_is_refused()
    {
        Assert.Equal("Message status webhook: missing MessageSid, MessageStatus.", MessageStatus.FromForm(Form(("ErrorCode", "30007"))).Error);
    }
}
