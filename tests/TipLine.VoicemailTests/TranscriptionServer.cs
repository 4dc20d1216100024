using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TipLine.VoicemailTests;

/// <summary>
/// A stand-in for whisper.cpp's server on http://127.0.0.1 (a free port): records each multipart request to
/// POST /v1/audio/transcriptions and answers with the next scripted reply (the last one repeats).
/// </summary>
public sealed class TranscriptionServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string Body)> replies = new();
    private (int Status, string Body) lastReply = (200, """{"text":""}""");

    private TranscriptionServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public string BaseUrl => app.Urls.Single();

    public static async Task<TranscriptionServer> StartAsync(params (int Status, string Body)[] replies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TranscriptionServer(app);
        foreach (var reply in replies) server.replies.Enqueue(reply);
        app.MapPost("/v1/audio/transcriptions", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        byte[]? bytes = null;
        if (file is not null)
        {
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory);
            bytes = memory.ToArray();
        }
        Requests.Enqueue(new ReceivedRequest(
            request.Headers.Authorization.ToString(),
            form.Keys.Where(k => k != "file").ToDictionary(k => k, k => form[k].ToString()),
            file?.FileName, file?.ContentType, bytes));
        if (replies.TryDequeue(out var reply)) lastReply = reply;
        return Results.Text(lastReply.Body, "application/json", statusCode: lastReply.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedRequest(string Authorization, Dictionary<string, string> Fields, string? FileName, string? FileContentType, byte[]? File);
