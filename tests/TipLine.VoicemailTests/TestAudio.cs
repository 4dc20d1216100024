using System.Diagnostics;
using System.Globalization;

namespace TipLine.VoicemailTests;

/// <summary>Speech made on this machine with espeak-ng and converted with sox, in a directory removed on dispose.</summary>
public sealed class TestAudio : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("tipline-voicemail-tests-").FullName;

    /// <summary>A fresh empty directory for the code under test to keep its scratch files in.</summary>
    public string NewWorkDirectory()
    {
        var path = Path.Combine(Directory, "work-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>espeak-ng's US English voice at its default rate: 22.05 kHz mono 16-bit WAV.</summary>
    public string Speak(string text)
    {
        var path = NewPath("wav");
        Run("espeak-ng", "-v", "en-us", "-w", path, text);
        return path;
    }

    public string ToMp3(string wav)
    {
        var path = NewPath("mp3");
        Run("sox", "-V1", wav, "-C", "64", path);
        return path;
    }

    /// <summary>What a phone call delivers: 8 kHz narrowband.</summary>
    public string ToTelephone(string wav)
    {
        var path = NewPath("wav");
        Run("sox", "-V1", wav, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", path, "sinc", "300-3400");
        return path;
    }

    /// <summary>Duration in seconds, as `sox --i -D` reports it.</summary>
    public static double Duration(string path) => double.Parse(Run("sox", "--i", "-D", path).Trim(), CultureInfo.InvariantCulture);

    public string NewPath(string extension) => Path.Combine(Directory, Guid.NewGuid().ToString("N") + "." + extension);

    public static string Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within 60 s");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
