namespace TipLine.Voicemail;

internal static class AudioLimits
{
    /// <summary>Copies at most <paramref name="maxBytes"/>; a longer recording throws <see cref="InvalidDataException"/>.</summary>
    public static async Task CopyAsync(Stream source, Stream destination, long maxBytes, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes) throw new InvalidDataException($"The recording is larger than {maxBytes} bytes.");
            await destination.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        if (total == 0) throw new InvalidDataException("The recording is empty.");
    }

    public static async Task<byte[]> ReadAllAsync(Stream source, long maxBytes, CancellationToken ct)
    {
        using var memory = new MemoryStream();
        await CopyAsync(source, memory, maxBytes, ct);
        return memory.ToArray();
    }
}
