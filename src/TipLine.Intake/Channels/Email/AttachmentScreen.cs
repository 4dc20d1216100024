namespace TipLine.Intake.Channels.Email;

/// <summary>Which emailed files are refused: programs and scripts (by name, type or their first bytes) and anything too large.</summary>
internal static class AttachmentScreen
{
    private static readonly HashSet<string> ProgramExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".cpl", ".msi", ".msp", ".dll", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse",
        ".wsf", ".wsh", ".hta", ".jar", ".apk", ".app", ".dmg", ".pkg", ".sh", ".bin", ".elf", ".lnk", ".reg", ".iso", ".img",
    };

    private static readonly HashSet<string> ProgramTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/x-msdownload", "application/x-msdos-program", "application/x-dosexec", "application/x-executable",
        "application/x-elf", "application/x-sh", "application/x-shellscript", "application/java-archive",
        "application/vnd.android.package-archive", "application/x-ms-installer", "application/x-msi", "application/x-apple-diskimage",
        "application/javascript", "text/javascript", "application/hta", "application/x-bat",
    };

    /// <summary>Why the file is refused ("executable", "too large"), or null when it may be kept.</summary>
    public static string? Refusal(string contentType, string? fileName, ReadOnlySpan<byte> content, long maxBytes)
    {
        if (content.Length > maxBytes) return "too large";
        if (ProgramTypes.Contains(contentType)) return "executable";
        if (fileName is not null && ProgramExtensions.Contains(Path.GetExtension(fileName.Trim().TrimEnd('.')))) return "executable";
        return LooksLikeProgram(content) ? "executable" : null;
    }

    /// <summary>Windows (MZ), Linux (ELF), macOS (Mach-O) programs and scripts with a #! line, whatever they are called.</summary>
    private static bool LooksLikeProgram(ReadOnlySpan<byte> content) =>
        content.StartsWith("MZ"u8) || content.StartsWith("\u007fELF"u8) || content.StartsWith("#!"u8)
        || content.StartsWith(MachO32) || content.StartsWith(MachO64)
        || content.StartsWith(MachO32Reversed) || content.StartsWith(MachO64Reversed) || content.StartsWith(MachOUniversal);

    private static ReadOnlySpan<byte> MachO32 => [0xFE, 0xED, 0xFA, 0xCE];
    private static ReadOnlySpan<byte> MachO64 => [0xFE, 0xED, 0xFA, 0xCF];
    private static ReadOnlySpan<byte> MachO32Reversed => [0xCE, 0xFA, 0xED, 0xFE];
    private static ReadOnlySpan<byte> MachO64Reversed => [0xCF, 0xFA, 0xED, 0xFE];
    private static ReadOnlySpan<byte> MachOUniversal => [0xCA, 0xFE, 0xBA, 0xBE];
}
