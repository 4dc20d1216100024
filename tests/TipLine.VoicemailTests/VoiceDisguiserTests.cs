using System.Text;
using TipLine.Voicemail;
using Xunit.Abstractions;

namespace TipLine.VoicemailTests;

public sealed class VoiceDisguiserTests(ITestOutputHelper output) : IDisposable
{
    private const string Spoken = "somebody is selling drugs in the parking lot. my friend is talking about killing himself";
    private readonly TestAudio audio = new();

    [Fact]
    public async Task The_disguised_copy_keeps_the_duration_and_lowers_the_voice_by_the_configured_shift()
    {
        var original = audio.Speak(Spoken);
        var work = audio.NewWorkDirectory();
        using var services = Services(work, ("Voicemail:DisguisePitchCents", "-400"), ("Voicemail:DisguisePitchJitterCents", "0"));

        var disguised = await DisguiseAsync(services, original, "audio/wav");

        var (before, after) = (TestAudio.Duration(original), TestAudio.Duration(disguised));
        var (f0Before, f0After) = (Fundamental(original), Fundamental(disguised));
        output.WriteLine($"duration {before:0.000} s -> {after:0.000} s; median F0 {f0Before:0.0} Hz -> {f0After:0.0} Hz (ratio {f0After / f0Before:0.000}, expected {Math.Pow(2, -400 / 1200.0):0.000})");
        Assert.InRange(after, before * 0.98, before * 1.02);
        Assert.InRange(f0After / f0Before, 0.74, 0.85);
        Assert.NotEqual(await File.ReadAllBytesAsync(original), await File.ReadAllBytesAsync(disguised));
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Fact]
    public async Task The_disguised_copy_is_16_khz_mono_16_bit_wav()
    {
        using var services = Services(audio.NewWorkDirectory());

        var disguised = await DisguiseAsync(services, audio.Speak(Spoken), "audio/wav");

        var (samples, rate) = PitchMeter.ReadWav(await File.ReadAllBytesAsync(disguised));
        Assert.Equal(16000, rate);
        Assert.Equal("1", TestAudio.Run("sox", "--i", "-c", disguised).Trim());
        Assert.True(samples.Length > 16000);
    }

    [Fact]
    public async Task With_the_default_random_part_the_shift_stays_within_its_range()
    {
        var original = audio.Speak(Spoken);
        using var services = Services(audio.NewWorkDirectory());

        var disguised = await DisguiseAsync(services, original, "audio/wav");

        var ratio = Fundamental(disguised) / Fundamental(original);
        output.WriteLine($"F0 ratio {ratio:0.000}; -500..-300 cents is {Math.Pow(2, -500 / 1200.0):0.000}..{Math.Pow(2, -300 / 1200.0):0.000}");
        Assert.InRange(ratio, 0.71, 0.88);
    }

    [Fact]
    public async Task An_mp3_recording_is_disguised_too()
    {
        var wav = audio.Speak(Spoken);
        var mp3 = audio.ToMp3(wav);
        using var services = Services(audio.NewWorkDirectory(), ("Voicemail:DisguisePitchJitterCents", "0"));

        var disguised = await DisguiseAsync(services, mp3, "audio/mpeg");

        // The MP3 encoder adds up to a frame or two of padding.
        Assert.InRange(TestAudio.Duration(disguised), TestAudio.Duration(wav) - 0.05, TestAudio.Duration(wav) + 0.15);
        Assert.InRange(Fundamental(disguised) / Fundamental(wav), 0.74, 0.85);
    }

    [Fact]
    public async Task Metadata_of_the_original_is_not_carried_over()
    {
        var tagged = audio.NewPath("wav");
        await File.WriteAllBytesAsync(tagged, WithInfoChunk(await File.ReadAllBytesAsync(audio.Speak(Spoken)), "Jane Doe, Lincoln High"));
        Assert.Contains("Jane Doe", Encoding.ASCII.GetString(await File.ReadAllBytesAsync(tagged)), StringComparison.Ordinal);
        Assert.True(TestAudio.Duration(tagged) > 1);
        using var services = Services(audio.NewWorkDirectory());

        var disguised = await DisguiseAsync(services, tagged, "audio/wav");

        Assert.DoesNotContain("Jane Doe", Encoding.ASCII.GetString(await File.ReadAllBytesAsync(disguised)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_random_part_is_drawn_per_recording_within_the_range()
    {
        var settings = new VoicemailOptions { DisguisePitchCents = -400, DisguisePitchJitterCents = 100 };

        var shifts = Enumerable.Range(0, 500).Select(_ => VoiceDisguiser.ChooseShift(settings)).ToList();

        Assert.All(shifts, s => Assert.InRange(s, -500, -300));
        Assert.True(shifts.Distinct().Count() > 50);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-150, 0)]
    [InlineData(-400, 250)]
    [InlineData(300, 150)]
    public void Settings_that_barely_change_the_voice_are_refused(int cents, int jitter)
    {
        var settings = new VoicemailOptions { DisguisePitchCents = cents, DisguisePitchJitterCents = jitter };

        Assert.Throws<InvalidOperationException>(() => VoiceDisguiser.ChooseShift(settings));
    }

    [Fact]
    public async Task A_missing_sox_is_a_clear_error_naming_the_package()
    {
        var work = audio.NewWorkDirectory();
        using var services = Services(work, ("Voicemail:SoxPath", "/nonexistent/sox"));
        await using var wav = File.OpenRead(audio.Speak(Spoken));

        var error = await Assert.ThrowsAsync<AudioToolMissingException>(() => services.Disguiser.DisguiseAsync(wav, "audio/wav", Stream.Null, CancellationToken.None));

        Assert.Contains("/nonexistent/sox", error.Message);
        Assert.Contains("'sox'", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Fact]
    public async Task Unreadable_audio_throws_invalid_data()
    {
        using var services = Services(audio.NewWorkDirectory());
        using var junk = new MemoryStream("RIFF but nothing else"u8.ToArray());

        await Assert.ThrowsAsync<InvalidDataException>(() => services.Disguiser.DisguiseAsync(junk, "audio/wav", Stream.Null, CancellationToken.None));
    }

    [Fact]
    public async Task A_recording_over_the_size_limit_is_refused()
    {
        using var services = Services(audio.NewWorkDirectory(), ("Voicemail:MaxAudioBytes", "1000"));
        await using var wav = File.OpenRead(audio.Speak(Spoken));

        await Assert.ThrowsAsync<InvalidDataException>(() => services.Disguiser.DisguiseAsync(wav, "audio/wav", Stream.Null, CancellationToken.None));
    }

    private async Task<string> DisguiseAsync(VoicemailServices services, string input, string contentType)
    {
        var path = audio.NewPath("wav");
        await using var source = File.OpenRead(input);
        await using var destination = File.Create(path);
        await services.Disguiser.DisguiseAsync(source, contentType, destination, CancellationToken.None);
        return path;
    }

    private static double Fundamental(string wav)
    {
        var (samples, rate) = PitchMeter.ReadWav(File.ReadAllBytes(wav));
        return PitchMeter.MedianFundamental(samples, rate);
    }

    /// <summary>Appends a LIST/INFO chunk with an INAM (name) entry, as recorders and editors write them.</summary>
    private static byte[] WithInfoChunk(byte[] wav, string name)
    {
        var text = Encoding.ASCII.GetBytes(name + "\0");
        if (text.Length % 2 == 1) text = [.. text, 0];
        using var chunk = new MemoryStream();
        chunk.Write("LIST"u8);
        chunk.Write(BitConverter.GetBytes(4 + 8 + text.Length));
        chunk.Write("INFO"u8);
        chunk.Write("INAM"u8);
        chunk.Write(BitConverter.GetBytes(text.Length));
        chunk.Write(text);
        byte[] result = [.. wav, .. chunk.ToArray()];
        BitConverter.GetBytes(result.Length - 8).CopyTo(result, 4);
        return result;
    }

    private static VoicemailServices Services(string work, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Voicemail:WorkDirectory"] = work };
        foreach (var (key, value) in settings) all[key] = value;
        return new VoicemailServices(all);
    }

    public void Dispose() => audio.Dispose();
}
