using System.Net;
using System.Net.Sockets;
using TipLine.Voicemail;

namespace TipLine.VoicemailTests;

public sealed class OpenAiCompatibleTranscriberTests
{
    private static readonly byte[] Recording = [.. "RIFF"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task Sends_the_recording_and_fields_as_multipart_and_returns_the_text()
    {
        await using var server = await TranscriptionServer.StartAsync((200, """{"text":" Hay un estudiante con un cuchillo en la cafetería. "}"""));
        using var services = Services(server.BaseUrl, ("Voicemail:OpenAi:ApiKey", "local-key"), ("Voicemail:OpenAi:Model", "large-v3"));

        var transcript = await services.Transcriber.TranscribeAsync(new MemoryStream(Recording), "audio/wav", "es-MX", CancellationToken.None);

        Assert.Equal(new Transcript("Hay un estudiante con un cuchillo en la cafetería.", "es", true), transcript);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer local-key", request.Authorization);
        Assert.Equal("voicemail.wav", request.FileName);
        Assert.Equal("audio/wav", request.FileContentType);
        Assert.Equal(Recording, request.File);
        Assert.Equal(new Dictionary<string, string> { ["model"] = "large-v3", ["language"] = "es", ["response_format"] = "json" }, request.Fields);
        Assert.DoesNotContain(services.Logs.Lines, line => line.Contains("cuchillo", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_a_hint_or_key_no_language_field_or_authorization_is_sent()
    {
        await using var server = await TranscriptionServer.StartAsync((200, """{"text":"there is a knife"}"""));
        using var services = Services(server.BaseUrl);

        var transcript = await services.Transcriber.TranscribeAsync(new MemoryStream(Recording), "audio/mpeg", null, CancellationToken.None);

        Assert.Equal(new Transcript("there is a knife", null, true), transcript);
        var request = Assert.Single(server.Requests);
        Assert.Empty(request.Authorization);
        Assert.Equal("voicemail.mp3", request.FileName);
        Assert.Equal("audio/mpeg", request.FileContentType);
        Assert.Equal(new Dictionary<string, string> { ["model"] = "whisper-1", ["response_format"] = "json" }, request.Fields);
    }

    [Fact]
    public async Task A_server_error_is_retried_with_the_whole_recording_again()
    {
        await using var server = await TranscriptionServer.StartAsync((500, """{"error":"busy"}"""), (200, """{"text":"second time"}"""));
        using var services = Services(server.BaseUrl);

        var transcript = await services.Transcriber.TranscribeAsync(new MemoryStream(Recording), "audio/wav", "en", CancellationToken.None);

        Assert.Equal(new Transcript("second time", "en", true), transcript);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(Recording, r.File));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_answers_failed_after_the_configured_retries()
    {
        await using var server = await TranscriptionServer.StartAsync((503, "{}"));
        using var services = Services(server.BaseUrl);

        var transcript = await services.Transcriber.TranscribeAsync(new MemoryStream(Recording), "audio/wav", "en", CancellationToken.None);

        Assert.Equal(Transcript.Failed, transcript);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData("""{"result":"no text field"}""")]
    [InlineData("not json")]
    public async Task An_answer_without_text_answers_failed(string body)
    {
        await using var server = await TranscriptionServer.StartAsync((200, body));
        using var services = Services(server.BaseUrl);

        var transcript = await services.Transcriber.TranscribeAsync(new MemoryStream(Recording), "audio/wav", null, CancellationToken.None);

        Assert.False(transcript.Succeeded);
    }

    [Fact]
    public async Task A_server_that_is_not_running_answers_failed()
    {
        using var services = Services($"http://127.0.0.1:{ClosedPort()}");

        var transcript = await services.Transcriber.TranscribeAsync(new MemoryStream(Recording), "audio/wav", null, CancellationToken.None);

        Assert.False(transcript.Succeeded);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_swallowed()
    {
        await using var server = await TranscriptionServer.StartAsync((200, """{"text":"x"}"""));
        using var services = Services(server.BaseUrl);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Transcriber.TranscribeAsync(new MemoryStream(Recording), "audio/wav", null, cancelled.Token));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static VoicemailServices Services(string baseUrl, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Voicemail:Transcriber"] = "openai",
            ["Voicemail:OpenAi:BaseUrl"] = baseUrl,
            ["Voicemail:OpenAi:RetryDelay"] = "00:00:00.050",
            ["Voicemail:OpenAi:AttemptTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings) all[key] = value;
        return new VoicemailServices(all);
    }
}
