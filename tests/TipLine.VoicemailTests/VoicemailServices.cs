using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TipLine.Voicemail;

namespace TipLine.VoicemailTests;

/// <summary>The module as the application wires it, from "Voicemail:..." settings, with every log line kept.</summary>
public sealed class VoicemailServices : IDisposable
{
    private readonly ServiceProvider provider;

    public VoicemailServices(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddVoicemail(configuration);
        provider = services.BuildServiceProvider();
    }

    public CapturedLogs Logs { get; } = new();

    public ITranscriber Transcriber => provider.GetRequiredService<ITranscriber>();

    public VoiceDisguiser Disguiser => provider.GetRequiredService<VoiceDisguiser>();

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public void Dispose() => provider.Dispose();
}

public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
