using System.Globalization;
using NWaves.Audio;
using NWaves.Effects;
using NWaves.Filters.Base;
using NWaves.Signals;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Voicemail;

/// <summary>
/// Makes the copy of a voicemail the team listens to, so staff who know a student's voice cannot recognise it, and
/// nobody can turn it back into that voice. The caller seals the original; only this copy is shown.
/// <para>
/// The chain, and why:
/// <list type="number">
/// <item>sox <c>channels 1</c>, <c>rate 16k</c>, <c>gain -6</c>: mono speech band, with headroom.</item>
/// <item>sox <c>pitch N</c> (default -400 ± a random 100 cents, never logged): moves the vocal tract's resonances
/// (formants), which sound like a differently sized speaker.</item>
/// <item>NWaves <see cref="WhisperEffect"/>: a phase-vocoder resynthesis that keeps each 32 ms frame's spectral
/// envelope (the words) and replaces its phases with random ones, so the voice becomes a whisper. The speaker's
/// fundamental, its contour (intonation, habitual pitch) and the voice quality of the vocal folds are not in the copy
/// at all, so shifting the copy back by any amount cannot restore them: it only moves a whisper's formants.</item>
/// <item>sox <c>sinc 80-3800</c>: telephone band, so every copy sounds like the same channel; <c>gain -n -3</c>: a
/// fixed level, which hides how loud or close to the phone the caller was.</item>
/// </list>
/// Output: 16 kHz mono 16-bit WAV with no metadata. The measure (tests/TipLine.VoicemailTests): the share of clearly
/// voiced frames and the median fundamental, of the original, of the copy and of the copy shifted back.
/// </para>
/// <para>
/// Word choice, accent and rhythm are unchanged, and a whisper is harder to follow than a voice: the transcript is
/// shown first, and the copy plays only when a member asks for it.
/// </para>
/// </summary>
public sealed class VoiceDisguiser(IOptions<VoicemailOptions> options, ILogger<VoiceDisguiser> log)
{
    /// <summary>
    /// 512 samples (32 ms at 16 kHz) per frame, short enough to keep the words clear; a new frame every 2 ms, so the
    /// frame rate (500 Hz) is above any speaking voice and adds no buzz that could pass for one.
    /// </summary>
    private const int FftSize = 512;
    private const int HopSize = 32;

    /// <summary>Writes the disguised WAV to <paramref name="destination"/>. Unreadable audio throws <see cref="InvalidDataException"/>.</summary>
    public async Task DisguiseAsync(Stream audio, string contentType, Stream destination, CancellationToken ct)
    {
        var settings = options.Value;
        var inputType = AudioFormats.SoxType(contentType);
        var cents = ChooseShift(settings);

        using var workspace = AudioWorkspace.Create(settings.WorkDirectory);
        var input = await workspace.SaveAsync(audio, "recording." + inputType, settings.MaxAudioBytes, ct);
        var shifted = workspace.PathOf("shifted.wav");
        await Sox.ConvertAsync(settings.SoxPath, workspace, inputType, input, Sox.SpeechWavFormat, shifted,
            ["channels", "1", "rate", "16k", "gain", "-6", "pitch", cents.ToString(CultureInfo.InvariantCulture)], settings.ToolTimeout, ct);

        var whispered = workspace.PathOf("whispered.wav");
        Whisper(shifted, whispered);

        var output = workspace.PathOf("disguised.wav");
        await Sox.ConvertAsync(settings.SoxPath, workspace, "wav", whispered, ["--comment", "", .. Sox.SpeechWavFormat], output,
            ["sinc", "80-3800", "gain", "-n", "-3"], settings.ToolTimeout, ct);

        await using (var file = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            await file.CopyToAsync(destination, ct);
        }
        log.LogInformation("Disguised copy of a voicemail made ({Bytes} bytes)", new FileInfo(output).Length);
    }

    private static void Whisper(string source, string destination)
    {
        DiscreteSignal speech;
        using (var input = File.OpenRead(source)) speech = new WaveFile(input).Signals[0];
        var whisper = new WhisperEffect(HopSize, FftSize).ApplyTo(speech, FilteringMethod.Auto);
        // The resynthesis can overshoot full scale; the last sox pass sets the level.
        var peak = whisper.Samples.Max(Math.Abs);
        if (peak > 0.99f) whisper.Amplify(0.99f / peak);
        using var output = File.Create(destination);
        new WaveFile(whisper, 16).SaveTo(output);
    }

    /// <summary>The configured shift plus a random amount in ±jitter; refuses settings that would leave the voice near its own.</summary>
    internal static int ChooseShift(VoicemailOptions settings)
    {
        var jitter = Math.Max(0, settings.DisguisePitchJitterCents);
        if (Math.Abs(settings.DisguisePitchCents) - jitter < VoicemailOptions.MinimumDisguiseCents)
        {
            throw new InvalidOperationException(
                $"Voicemail:DisguisePitchCents ({settings.DisguisePitchCents}) ± DisguisePitchJitterCents ({jitter}) could come within " +
                $"{VoicemailOptions.MinimumDisguiseCents} cents of the original voice.");
        }
        return settings.DisguisePitchCents + (jitter == 0 ? 0 : RandomNumberGenerator.GetInt32(-jitter, jitter + 1));
    }
}
