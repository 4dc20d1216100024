namespace TipLine.Voicemail;

/// <summary>
/// A private scratch directory (mode 0700) for one recording: the caller's audio and every file derived from it live
/// here and nowhere else, and the whole directory is deleted on dispose.
/// </summary>
internal sealed class AudioWorkspace : IDisposable
{
    private const string Prefix = "tipline-voicemail-";

    private AudioWorkspace(string directory) => Directory = directory;

    public string Directory { get; }

    /// <param name="root">The parent directory (e.g. a tmpfs), or null for the system temp directory.</param>
    public static AudioWorkspace Create(string? root)
    {
        if (string.IsNullOrWhiteSpace(root)) return new(System.IO.Directory.CreateTempSubdirectory(Prefix).FullName);
        System.IO.Directory.CreateDirectory(root);
        var path = Path.Combine(root, Prefix + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(path);
        else System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new(path);
    }

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>Copies <paramref name="audio"/> to a new file here, refusing recordings over <paramref name="maxBytes"/>.</summary>
    public async Task<string> SaveAsync(Stream audio, string fileName, long maxBytes, CancellationToken ct)
    {
        var path = PathOf(fileName);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await AudioLimits.CopyAsync(audio, file, maxBytes, ct);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
