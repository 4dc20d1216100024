using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Voicemail;

/// <summary>
/// Offline transcription with CMU pocketsphinx (Debian's pocketsphinx_continuous and the pocketsphinx-en-us model).
/// The recording is converted by sox to the 16 kHz mono 16-bit WAV the model expects, normalised and padded with a
/// little silence so the decoder's speech detection catches the first and last words.
/// English only, and rough: good enough to hint at what a message is about, never a substitute for listening.
/// Only timings and exit codes are logged, never the transcript.
/// </summary>
public sealed class PocketsphinxTranscriber(IOptions<VoicemailOptions> options, ILogger<PocketsphinxTranscriber> log) : ITranscriber
{
    public async Task<Transcript> TranscribeAsync(Stream audio, string contentType, string? languageHint, CancellationToken ct)
    {
        if (languageHint is not null && !IsEnglish(languageHint))
        {
            // The model only knows English: on other speech it would produce confident English nonsense.
            log.LogInformation("Voicemail in {Language} not transcribed: the offline model is English only", languageHint);
            return Transcript.Failed;
        }
        var settings = options.Value;
        var inputType = AudioFormats.SoxType(contentType);
        var model = ModelFiles(settings.Pocketsphinx.ModelDirectory);

        using var workspace = AudioWorkspace.Create(settings.WorkDirectory);
        var clock = Stopwatch.StartNew();
        try
        {
            var input = await workspace.SaveAsync(audio, "recording." + inputType, settings.MaxAudioBytes, ct);
            var speech = workspace.PathOf("speech.wav");
            await Sox.ConvertAsync(settings.SoxPath, workspace, inputType, input, Sox.SpeechWavFormat, speech,
                ["gain", "-n", "-3", "pad", "0.3", "0.3"], settings.ToolTimeout, ct);

            string[] arguments =
            [
                "-infile", speech,
                "-hmm", model.AcousticModel,
                "-lm", model.LanguageModel,
                "-dict", model.Dictionary,
                "-logfn", "/dev/null",
            ];
            var result = await AudioTool.RunAsync(settings.Pocketsphinx.Path, arguments, "pocketsphinx", settings.ToolTimeout, ct);
            if (result.ExitCode != 0)
            {
                log.LogWarning("pocketsphinx exited with {ExitCode} after {Ms} ms", result.ExitCode, clock.ElapsedMilliseconds);
                return Transcript.Failed;
            }
            var text = JoinUtterances(result.StandardOutput);
            log.LogInformation("Voicemail transcribed offline in {Ms} ms ({Words} words)", clock.ElapsedMilliseconds, CountWords(text));
            return new Transcript(text, "en", true);
        }
        catch (Exception e) when (e is TimeoutException or InvalidDataException)
        {
            log.LogWarning("Offline transcription failed after {Ms} ms: {Error}", clock.ElapsedMilliseconds, e.Message);
            return Transcript.Failed;
        }
    }

    private static bool IsEnglish(string language) =>
        language.Equals("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase);

    private static (string AcousticModel, string LanguageModel, string Dictionary) ModelFiles(string directory)
    {
        var model = (Path.Combine(directory, "en-us"), Path.Combine(directory, "en-us.lm.bin"), Path.Combine(directory, "cmudict-en-us.dict"));
        if (!Directory.Exists(model.Item1) || !File.Exists(model.Item2) || !File.Exists(model.Item3))
        {
            throw new AudioToolMissingException(
                $"The pocketsphinx US English model is not in '{directory}'. Install the Debian package 'pocketsphinx-en-us' or set Voicemail:Pocketsphinx:ModelDirectory.");
        }
        return model;
    }

    /// <summary>pocketsphinx_continuous prints one line per utterance it segmented.</summary>
    private static string JoinUtterances(string output) =>
        string.Join(' ', output.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static int CountWords(string text) => text.Length == 0 ? 0 : text.Count(c => c == ' ') + 1;
}
