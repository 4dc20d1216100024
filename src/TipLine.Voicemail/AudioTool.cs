using System.ComponentModel;
using System.Diagnostics;

namespace TipLine.Voicemail;

/// <summary>
/// Runs a command-line audio tool: arguments go through ArgumentList (never a shell), standard input is closed, and
/// the process tree is killed when it overruns its timeout or the caller cancels.
/// </summary>
internal static class AudioTool
{
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, string debianPackage, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new AudioToolMissingException(
                $"Cannot run '{fileName}' ({e.Message}). Install the Debian package '{debianPackage}' or set its path in the Voicemail settings.", e);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            // Killed: the pipes close and the readers finish; bounded in case a grandchild holds them open.
            Task drained = Task.WhenAll(stdout, stderr);
            await drained.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{Path.GetFileName(fileName)}' did not finish within {timeout.TotalSeconds:0.#} s and was stopped.");
        }
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The end of a tool's error output, short enough for a log line or an exception message.</summary>
    public static string Tail(string text, int max = 400)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : "..." + trimmed[^max..];
    }
}

internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);
