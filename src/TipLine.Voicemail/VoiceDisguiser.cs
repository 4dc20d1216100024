using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Voicemail;

/// <summary>
/// Makes the copy of a voicemail the team listens to, so staff who know a student's voice are less likely to recognise
/// it. The caller seals the original; only this copy is shown.
/// <para>
/// The sox chain, and why:
/// <list type="number">
/// <item><c>channels 1</c>, <c>gain -6</c>: mono, with headroom so the pitch effect does not clip.</item>
/// <item><c>pitch N</c>: shifts the whole spectrum by N cents (default -400 ± a random 100) while keeping the duration.
/// The fundamental and the formants move together, which sounds like a differently sized speaker rather than a robot,
/// and speech stays intelligible. sox cannot move formants independently of the fundamental (that needs a vocoder);
/// a time-varying <c>bend</c> was left out because it adds warble that hurts intelligibility more than it hinders
/// recognition. The random part, never logged or returned, means no single reverse shift undoes every copy.</item>
/// <item><c>sinc 80-3800</c>: telephone band. Phone calls already are; for wideband uploads it drops the breath and
/// sibilance detail above it that carries speaker cues, and every copy sounds like the same channel.</item>
/// <item><c>gain -n -3</c>: a fixed level, which hides how loud or close to the phone the caller was.</item>
/// </list>
/// Output: 16 kHz mono 16-bit WAV with no metadata (sox writes none into WAV; the comment is cleared anyway).
/// </para>
/// <para>
/// This is a deterrent, not anonymisation: someone who sets out to reverse the shift by ear can get close, and word
/// choice, accent and rhythm are unchanged. The transcript remains the safer thing to show.
/// </para>
/// </summary>
public sealed class VoiceDisguiser(IOptions<VoicemailOptions> options, ILogger<VoiceDisguiser> log)
{
    /// <summary>Writes the disguised WAV to <paramref name="destination"/>. Unreadable audio throws <see cref="InvalidDataException"/>.</summary>
    public async Task DisguiseAsync(Stream audio, string contentType, Stream destination, CancellationToken ct)
    {
        var settings = options.Value;
        var inputType = AudioFormats.SoxType(contentType);
        var cents = ChooseShift(settings);

        using var workspace = AudioWorkspace.Create(settings.WorkDirectory);
        var input = await workspace.SaveAsync(audio, "recording." + inputType, settings.MaxAudioBytes, ct);
        var output = workspace.PathOf("disguised.wav");
        string[] outputFormat = ["--comment", "", .. Sox.SpeechWavFormat];
        string[] effects =
        [
            "channels", "1",
            "gain", "-6",
            "pitch", cents.ToString(CultureInfo.InvariantCulture),
            "sinc", "80-3800",
            "gain", "-n", "-3",
        ];
        await Sox.ConvertAsync(settings.SoxPath, workspace, inputType, input, outputFormat, output, effects, settings.ToolTimeout, ct);

        await using (var file = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            await file.CopyToAsync(destination, ct);
        }
        log.LogInformation("Disguised copy of a voicemail made ({Bytes} bytes)", new FileInfo(output).Length);
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
