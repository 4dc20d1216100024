namespace TipLine.Languages;

internal enum Script : byte
{
    Other,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Gurmukhi,
    Gujarati,
    Tamil,
    Telugu,
    Thai,
    Lao,
    Myanmar,
    Georgian,
    Hangul,
    Ethiopic,
    Khmer,
    Kana,
    Han,
    Count,
}

/// <summary>Unicode blocks by writing system, and the language each non-Latin script most likely means here.</summary>
internal static class Scripts
{
    private static readonly (int First, int Last, Script Script)[] Blocks =
    [
        (0x00C0, 0x024F, Script.Latin),
        (0x0370, 0x03FF, Script.Greek),
        (0x0400, 0x052F, Script.Cyrillic),
        (0x0530, 0x058F, Script.Armenian),
        (0x0590, 0x05FF, Script.Hebrew),
        (0x0600, 0x06FF, Script.Arabic),
        (0x0750, 0x077F, Script.Arabic),
        (0x0870, 0x08FF, Script.Arabic),
        (0x0900, 0x097F, Script.Devanagari),
        (0x0980, 0x09FF, Script.Bengali),
        (0x0A00, 0x0A7F, Script.Gurmukhi),
        (0x0A80, 0x0AFF, Script.Gujarati),
        (0x0B80, 0x0BFF, Script.Tamil),
        (0x0C00, 0x0C7F, Script.Telugu),
        (0x0E00, 0x0E7F, Script.Thai),
        (0x0E80, 0x0EFF, Script.Lao),
        (0x1000, 0x109F, Script.Myanmar),
        (0x10A0, 0x10FF, Script.Georgian),
        (0x1100, 0x11FF, Script.Hangul),
        (0x1200, 0x139F, Script.Ethiopic),
        (0x1780, 0x17FF, Script.Khmer),
        (0x1C80, 0x1C8F, Script.Cyrillic),
        (0x1E00, 0x1EFF, Script.Latin),
        (0x1F00, 0x1FFF, Script.Greek),
        (0x2C60, 0x2C7F, Script.Latin),
        (0x2DE0, 0x2DFF, Script.Cyrillic),
        (0x3040, 0x30FF, Script.Kana),
        (0x3130, 0x318F, Script.Hangul),
        (0x31F0, 0x31FF, Script.Kana),
        (0x3400, 0x4DBF, Script.Han),
        (0x4E00, 0x9FFF, Script.Han),
        (0xA640, 0xA69F, Script.Cyrillic),
        (0xA720, 0xA7FF, Script.Latin),
        (0xA960, 0xA97F, Script.Hangul),
        (0xAC00, 0xD7FF, Script.Hangul),
        (0xF900, 0xFAFF, Script.Han),
        (0xFB1D, 0xFB4F, Script.Hebrew),
        (0xFB50, 0xFDFF, Script.Arabic),
        (0xFE70, 0xFEFF, Script.Arabic),
        (0xFF21, 0xFF5A, Script.Latin),
        (0xFF66, 0xFF9F, Script.Kana),
        (0x20000, 0x3134F, Script.Han),
    ];

    public static Script Of(int codePoint)
    {
        if (codePoint < 0x80) return Script.Latin;
        foreach (var (first, last, script) in Blocks)
        {
            if (codePoint < first) return Script.Other;
            if (codePoint <= last) return script;
        }
        return Script.Other;
    }

    /// <summary>The language a script implies; null for Latin (the words decide) and for scripts we do not name.</summary>
    public static string? Code(Script script) => script switch
    {
        Script.Greek => "el",
        Script.Cyrillic => "ru",
        Script.Armenian => "hy",
        Script.Hebrew => "he",
        Script.Arabic => "ar",
        Script.Devanagari => "hi",
        Script.Bengali => "bn",
        Script.Gurmukhi => "pa",
        Script.Gujarati => "gu",
        Script.Tamil => "ta",
        Script.Telugu => "te",
        Script.Thai => "th",
        Script.Lao => "lo",
        Script.Myanmar => "my",
        Script.Georgian => "ka",
        Script.Hangul => "ko",
        Script.Ethiopic => "am",
        Script.Khmer => "km",
        Script.Kana => "ja",
        Script.Han => "zh-Hans",
        _ => null,
    };

    /// <summary>Letters Arabic does not use and Persian does: پ چ ژ گ, and the Persian kaf and yeh (ک ی).</summary>
    public static bool IsPersianLetter(int c) => c is 0x067E or 0x0686 or 0x0698 or 0x06AF or 0x06A9 or 0x06CC;

    /// <summary>Urdu's own letters: ٹ ڈ ڑ ں ھ ہ ے.</summary>
    public static bool IsUrduLetter(int c) => c is 0x0679 or 0x0688 or 0x0691 or 0x06BA or 0x06BE or 0x06C1 or 0x06D2;

    /// <summary>Pashto's own letters: ټ ډ ړ ږ ښ ځ څ ګ ې ۍ.</summary>
    public static bool IsPashtoLetter(int c) =>
        c is 0x067C or 0x0689 or 0x0693 or 0x0696 or 0x069A or 0x0681 or 0x0685 or 0x06AB or 0x06D0 or 0x06CD;

    /// <summary>Ukrainian letters Russian lacks: і ї є ґ.</summary>
    public static bool IsUkrainianLetter(int c) => c is 0x0456 or 0x0406 or 0x0457 or 0x0407 or 0x0454 or 0x0404 or 0x0491 or 0x0490;
}
