using System.Text;
using TipLine.Voicemail;
using Xunit.Abstractions;

namespace TipLine.VoicemailTests;

public sealed class VoiceDisguiserTests(ITestOutputHelper output) : IDisposable
{
    private const string Spoken = "somebody is selling drugs in the parking lot. my friend is talking about killing himself";
    private readonly TestAudio audio = new();

    [Fact]
    public async Task The_disguised_copy_keeps_the_duration_and_is_a_whisper()
    {
        var original = audio.Speak(Spoken);
        var work = audio.NewWorkDirectory();
        using var services = Services(work);

        var disguised = await DisguiseAsync(services, original, "audio/wav");

        var (before, after) = (TestAudio.Duration(original), TestAudio.Duration(disguised));
        var (voicedBefore, voicedAfter) = (Voiced(original), Voiced(disguised));
        output.WriteLine($"duration {before:0.000} s -> {after:0.000} s; voiced share of loud frames {voicedBefore:P0} -> {voicedAfter:P0}");
        Assert.InRange(after, before * 0.98, before * 1.02);
        Assert.True(voicedBefore > 0.5, $"the spoken original is voiced in {voicedBefore:P0} of its loud frames");
        // What remains "periodic" is a whisper's formants ringing within a frame (9–18% of frames in runs), not a voice.
        Assert.True(voicedAfter < 0.35, $"the copy is still voiced in {voicedAfter:P0} of its loud frames");
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    /// <summary>
    /// The measure for "cannot be undone by shifting back": how much of the original's pitch contour (per 10 ms, the
    /// fundamental within 5%) a recording carries. A plain pitch shift shifted back carries nearly all of it (which shows
    /// the measure sees a reversal); our copy shifted back by the exact inverse of its shift carries next to none.
    /// </summary>
    [Fact]
    public async Task Shifting_the_copy_back_by_its_own_shift_does_not_bring_the_voice_back()
    {
        var original = audio.NewPath("wav");
        TestAudio.Run("sox", audio.Speak(Spoken), "-r", "16000", original); // the copy's rate, so frames line up
        using var services = Services(audio.NewWorkDirectory(), ("Voicemail:DisguisePitchCents", "-400"), ("Voicemail:DisguisePitchJitterCents", "0"));
        var pitchOnly = audio.NewPath("wav");
        TestAudio.Run("sox", original, pitchOnly, "pitch", "-400");

        var pitchOnlyBack = ShiftBack(pitchOnly, 400);
        var disguisedBack = ShiftBack(await DisguiseAsync(services, original, "audio/wav"), 400);

        var (control, ours) = (ContourMatch(original, pitchOnlyBack), ContourMatch(original, disguisedBack));
        output.WriteLine($"pitch contour carried: pitch shift -400 then +400 cents {control:P0}; our copy then +400 cents {ours:P0} "
            + $"(voiced frames: original {Voiced(original):P0}, ours shifted back {Voiced(disguisedBack):P0})");
        Assert.True(control > 0.8, $"a plain pitch shift shifted back carries {control:P0} of the contour: the measure does not see a reversal");
        Assert.True(ours < 0.15, $"our copy shifted back carries {ours:P0} of the original's pitch contour");
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
    public async Task An_mp3_recording_is_disguised_too()
    {
        var wav = audio.Speak(Spoken);
        var mp3 = audio.ToMp3(wav);
        using var services = Services(audio.NewWorkDirectory(), ("Voicemail:DisguisePitchJitterCents", "0"));

        var disguised = await DisguiseAsync(services, mp3, "audio/mpeg");

        // The MP3 encoder adds up to a frame or two of padding.
        Assert.InRange(TestAudio.Duration(disguised), TestAudio.Duration(wav) - 0.05, TestAudio.Duration(wav) + 0.15);
        Assert.True(Voiced(disguised) < 0.35);
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

    private string ShiftBack(string wav, int cents)
    {
        var path = audio.NewPath("wav");
        TestAudio.Run("sox", wav, path, "pitch", cents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path;
    }

    private static double ContourMatch(string reference, string other)
    {
        var (a, rate) = PitchMeter.ReadWav(File.ReadAllBytes(reference));
        var (b, otherRate) = PitchMeter.ReadWav(File.ReadAllBytes(other));
        if (otherRate != rate) throw new InvalidDataException($"{rate} Hz against {otherRate} Hz");
        return PitchMeter.ContourMatch(a, b, rate);
    }

    private static double Voiced(string wav)
    {
        var (samples, rate) = PitchMeter.ReadWav(File.ReadAllBytes(wav));
        return PitchMeter.VoicedShare(samples, rate);
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
