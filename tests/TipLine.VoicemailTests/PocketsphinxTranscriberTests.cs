using System.Diagnostics;
using TipLine.Voicemail;
using Xunit.Abstractions;

namespace TipLine.VoicemailTests;

/// <summary>
/// The real pocketsphinx_continuous on espeak-ng speech. Its accuracy on synthetic speech is poor, so each phrase
/// below is one it was seen to get partly right, and the tests ask only for one shared content word.
/// </summary>
public sealed class PocketsphinxTranscriberTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestAudio audio = new();

    [Theory]
    [InlineData("there is a student with a knife in the cafeteria")]
    [InlineData("somebody is selling drugs in the parking lot")]
    [InlineData("my friend is talking about killing himself")]
    public async Task Transcript_of_a_wav_shares_content_words_with_what_was_said(string spoken)
    {
        var work = audio.NewWorkDirectory();
        using var services = Services(work);

        Transcript transcript;
        await using (var wav = File.OpenRead(audio.Speak(spoken)))
        {
            transcript = await services.Transcriber.TranscribeAsync(wav, "audio/wav", "en", CancellationToken.None);
        }

        output.WriteLine($"said:  {spoken}\nheard: {transcript.Text}");
        Assert.True(transcript.Succeeded);
        Assert.Equal("en", transcript.Language);
        Assert.NotEmpty(transcript.Text);
        Assert.NotEmpty(Words.Content(spoken).Intersect(Words.Content(transcript.Text)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        Assert.DoesNotContain(services.Logs.Lines, line => line.Contains(transcript.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_mp3_recording_is_converted_and_transcribed()
    {
        const string spoken = "somebody is selling drugs in the parking lot";
        using var services = Services(audio.NewWorkDirectory());

        Transcript transcript;
        await using (var mp3 = File.OpenRead(audio.ToMp3(audio.Speak(spoken))))
        {
            transcript = await services.Transcriber.TranscribeAsync(mp3, "audio/mpeg", null, CancellationToken.None);
        }

        output.WriteLine($"heard: {transcript.Text}");
        Assert.True(transcript.Succeeded);
        Assert.NotEmpty(Words.Content(spoken).Intersect(Words.Content(transcript.Text)));
    }

    [Fact]
    public async Task A_five_second_clip_is_transcribed_in_well_under_a_minute()
    {
        const string spoken = "somebody is selling drugs in the parking lot behind the gym. my friend is talking about killing himself";
        var wav = audio.Speak(spoken);
        var seconds = TestAudio.Duration(wav);
        Assert.InRange(seconds, 4.5, 8);
        using var services = Services(audio.NewWorkDirectory());

        var clock = Stopwatch.StartNew();
        Transcript transcript;
        await using (var stream = File.OpenRead(wav))
        {
            transcript = await services.Transcriber.TranscribeAsync(stream, "audio/wav", "en-US", CancellationToken.None);
        }
        clock.Stop();

        output.WriteLine($"{seconds:0.00} s of speech transcribed in {clock.ElapsedMilliseconds} ms\nsaid:  {spoken}\nheard: {transcript.Text}");
        Assert.True(transcript.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.NotEmpty(Words.Content(spoken).Intersect(Words.Content(transcript.Text)));
    }

    [Fact]
    public async Task Telephone_band_audio_is_accepted_though_the_wideband_model_hears_little_of_it()
    {
        // Phone calls arrive at 8 kHz; the Debian en-us model is trained on 16 kHz speech. This records the gap
        // rather than asserting words: a server transcriber (Whisper) is the one to use for real calls.
        const string spoken = "somebody is selling drugs in the parking lot";
        using var services = Services(audio.NewWorkDirectory());

        Transcript transcript;
        await using (var wav = File.OpenRead(audio.ToTelephone(audio.Speak(spoken))))
        {
            transcript = await services.Transcriber.TranscribeAsync(wav, "audio/x-wav", "en", CancellationToken.None);
        }

        output.WriteLine($"8 kHz: said: {spoken}\n       heard: {transcript.Text}");
        Assert.True(transcript.Succeeded);
    }

    [Fact]
    public async Task Another_language_is_not_run_through_the_english_model()
    {
        using var services = Services(audio.NewWorkDirectory(), ("Voicemail:Pocketsphinx:Path", "/nonexistent/pocketsphinx_continuous"));
        await using var wav = File.OpenRead(audio.Speak("hola"));

        var transcript = await services.Transcriber.TranscribeAsync(wav, "audio/wav", "es", CancellationToken.None);

        Assert.False(transcript.Succeeded);
        Assert.Empty(transcript.Text);
    }

    [Fact]
    public async Task A_missing_decoder_is_a_clear_error_naming_the_package()
    {
        var work = audio.NewWorkDirectory();
        using var services = Services(work, ("Voicemail:Pocketsphinx:Path", "/nonexistent/pocketsphinx_continuous"));
        await using var wav = File.OpenRead(audio.Speak("there is a knife"));

        var error = await Assert.ThrowsAsync<AudioToolMissingException>(() => services.Transcriber.TranscribeAsync(wav, "audio/wav", null, CancellationToken.None));

        Assert.Contains("/nonexistent/pocketsphinx_continuous", error.Message);
        Assert.Contains("'pocketsphinx'", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Fact]
    public async Task A_missing_sox_is_a_clear_error_naming_the_package()
    {
        using var services = Services(audio.NewWorkDirectory(), ("Voicemail:SoxPath", "/nonexistent/sox"));
        await using var wav = File.OpenRead(audio.Speak("there is a knife"));

        var error = await Assert.ThrowsAsync<AudioToolMissingException>(() => services.Transcriber.TranscribeAsync(wav, "audio/wav", null, CancellationToken.None));

        Assert.Contains("'sox'", error.Message);
    }

    [Fact]
    public async Task A_missing_model_is_a_clear_error_naming_the_package()
    {
        using var services = Services(audio.NewWorkDirectory(), ("Voicemail:Pocketsphinx:ModelDirectory", "/nonexistent/model"));
        await using var wav = File.OpenRead(audio.Speak("there is a knife"));

        var error = await Assert.ThrowsAsync<AudioToolMissingException>(() => services.Transcriber.TranscribeAsync(wav, "audio/wav", null, CancellationToken.None));

        Assert.Contains("pocketsphinx-en-us", error.Message);
    }

    [Fact]
    public async Task A_run_over_its_timeout_is_stopped_and_answers_failed()
    {
        var work = audio.NewWorkDirectory();
        using var services = Services(work, ("Voicemail:ToolTimeout", "00:00:00.050"));
        await using var wav = File.OpenRead(audio.Speak("somebody is selling drugs in the parking lot behind the gym"));

        var clock = Stopwatch.StartNew();
        var transcript = await services.Transcriber.TranscribeAsync(wav, "audio/wav", null, CancellationToken.None);

        Assert.False(transcript.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        Assert.Contains(services.Logs.Lines, line => line.Contains("did not finish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audio_that_is_not_audio_answers_failed()
    {
        using var services = Services(audio.NewWorkDirectory());
        using var junk = new MemoryStream("this is not a wave file at all"u8.ToArray());

        var transcript = await services.Transcriber.TranscribeAsync(junk, "audio/wav", null, CancellationToken.None);

        Assert.False(transcript.Succeeded);
    }

    [Fact]
    public async Task An_unsupported_content_type_is_refused()
    {
        using var services = Services(audio.NewWorkDirectory());
        using var data = new MemoryStream([1, 2, 3]);

        await Assert.ThrowsAsync<ArgumentException>(() => services.Transcriber.TranscribeAsync(data, "video/mp4", null, CancellationToken.None));
    }

    private static VoicemailServices Services(string work, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Voicemail:Transcriber"] = "pocketsphinx", ["Voicemail:WorkDirectory"] = work };
        foreach (var (key, value) in settings) all[key] = value;
        return new VoicemailServices(all);
    }

    public void Dispose() => audio.Dispose();
}
