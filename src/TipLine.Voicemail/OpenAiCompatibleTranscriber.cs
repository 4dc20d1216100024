using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Voicemail;

/// <summary>
/// Transcription by an OpenAI-compatible server (POST v1/audio/transcriptions, multipart: file, model, language,
/// response_format=json; answer {"text": ...}), as served by whisper.cpp's server and the faster-whisper servers.
/// The typed HttpClient carries the resilience pipeline; the recording is buffered once so a retry can send it again.
/// Any failure answers <see cref="Transcript.Failed"/> and is logged without the audio or the text.
/// </summary>
public sealed class OpenAiCompatibleTranscriber(HttpClient http, IOptions<VoicemailOptions> options, ILogger<OpenAiCompatibleTranscriber> log) : ITranscriber
{
    public async Task<Transcript> TranscribeAsync(Stream audio, string contentType, string? languageHint, CancellationToken ct)
    {
        var settings = options.Value;
        var server = settings.OpenAi;
        var type = AudioFormats.SoxType(contentType);
        var bytes = await AudioLimits.ReadAllAsync(audio, settings.MaxAudioBytes, ct);
        var language = WhisperLanguage(languageHint);
        try
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type == "mp3" ? "audio/mpeg" : "audio/wav");
            form.Add(file, "file", "voicemail." + type);
            form.Add(new StringContent(server.Model), "model");
            if (language is not null) form.Add(new StringContent(language), "language");
            form.Add(new StringContent("json"), "response_format");

            using var request = new HttpRequestMessage(HttpMethod.Post, server.TranscriptionsPath.TrimStart('/')) { Content = form };
            if (!string.IsNullOrEmpty(server.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.ApiKey);
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TranscriptionResponse>(ct);
            if (body?.Text is null)
            {
                log.LogWarning("Transcription server answered without a text field");
                return Transcript.Failed;
            }
            return new Transcript(body.Text.Trim(), language, true);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Transcription by the server failed: {Error}", e.GetType().Name);
            return Transcript.Failed;
        }
    }

    /// <summary>Whisper takes ISO 639-1 codes: "en-US" and "zh-Hans" become "en" and "zh".</summary>
    private static string? WhisperLanguage(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint)) return null;
        var primary = hint.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary.Length is 2 or 3 ? primary : null;
    }

    private sealed record TranscriptionResponse([property: JsonPropertyName("text")] string? Text);
}
