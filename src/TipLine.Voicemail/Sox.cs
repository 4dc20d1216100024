namespace TipLine.Voicemail;

/// <summary>sox, the converter and effects engine used for both transcription input and the disguised copy.</summary>
internal static class Sox
{
    /// <summary>16 kHz, mono, 16-bit signed PCM: what the pocketsphinx en-us model expects.</summary>
    public static readonly string[] SpeechWavFormat = ["-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "wav"];

    /// <summary>
    /// sox -V1 -R --temp workspace -t type input [format...] output [effects...]. The scratch directory is given as
    /// --temp so effects that buffer the whole recording (gain -n) keep it inside the workspace; -R seeds the dither
    /// the same way on every run, so the same recording always gives the same transcript.
    /// </summary>
    public static async Task ConvertAsync(
        string soxPath, AudioWorkspace workspace, string inputType, string input, IEnumerable<string> outputFormat, string output,
        IEnumerable<string> effects, TimeSpan timeout, CancellationToken ct)
    {
        string[] arguments = ["-V1", "-R", "--temp", workspace.Directory, "-t", inputType, input, .. outputFormat, output, .. effects];
        var result = await AudioTool.RunAsync(soxPath, arguments, "sox", timeout, ct);
        if (result.ExitCode == 0) return;
        if (result.StandardError.Contains("no handler", StringComparison.OrdinalIgnoreCase))
        {
            throw new AudioToolMissingException(
                $"sox has no {inputType} support ({AudioTool.Tail(result.StandardError)}). For MP3 install the Debian package 'libsox-fmt-mp3'.");
        }
        throw new InvalidDataException($"sox could not process the recording (exit {result.ExitCode}): {AudioTool.Tail(result.StandardError)}");
    }
}
