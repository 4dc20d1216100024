using System.Globalization;

namespace TipLine.Languages;

/// <summary>
/// The hand-written detector TipLine started with: writing systems, and word lists for five Latin-script languages.
/// <see cref="LanguageDetector"/> keeps from it what measurement shows still helps (the writing system, and Vietnamese
/// and English texting forms Lingua misses); the benchmark compares the two. Pure and deterministic; no data files, no
/// allocation beyond normalizing decomposed input.
/// <para>
/// What it does. The writing system decides first: Arabic script is Arabic ("ar"), or Persian, Urdu or
/// Pashto when their own letters make up a twentieth of the text ("fa", "ur", "ps"); Han characters are
/// Chinese ("zh-Hans"), or Japanese ("ja") when kana make up a fifth; Hangul is Korean ("ko"); Cyrillic is
/// Russian ("ru"), or Ukrainian ("uk") with і ї є ґ; Greek, Hebrew, Thai, Khmer, Lao, Burmese, Armenian,
/// Georgian, Ethiopic (Amharic) and the main Indic scripts each name one language. Latin-script text is
/// scored word by word against short lists of frequent and school words in English, Spanish, French,
/// Portuguese and Vietnamese, matched without accents and in lower case, texting forms included ("u",
/// "rn", "q", "xq", "ko"). A word with a letter only Vietnamese uses (ă đ ơ ư ạ ả ấ ... ỹ) counts for
/// Vietnamese. Accents count too: ñ ¿ ¡ and "jaja" for Spanish; á í ó ú é for Spanish and Portuguese (and
/// French); ã õ for Portuguese; è ù î ï û ë œ for French; except in Vietnamese-marked text, where they
/// are Vietnamese tones. The language that leads by at least a word wins; the confidence grows with the
/// lead and with how much of the evidence is on its side.
/// </para>
/// <para>
/// What it cannot do. It answers <see cref="LanguageGuess.Unknown"/> ("und") for text with no letters
/// (numbers, emoji, punctuation), for names and words no list holds, for words every language shares
/// ("ok", "no") and for ties: it never guesses English for lack of evidence. A single listed word is
/// enough ("help", "ayuda"), with a low confidence. Mixed text goes to the language with more words; a
/// Vietnamese name with its diacritics counts as a Vietnamese word. It does not know Traditional from
/// Simplified Chinese (both are "zh-Hans"), Japanese written only in kanji (read as Chinese), Arabic
/// dialects, or Hindi from Marathi and Nepali (all "hi"). Other Latin-script languages (Haitian Creole,
/// Somali, Tagalog, German, ...) are "und", or mistaken for one of the five, usually with a confidence
/// under 0.35, when they share enough of their words. Only the first <see cref="MaxLength"/> characters are read.
/// </para>
/// </summary>
public static class WordListDetector
{
    /// <summary>The language of a tip shows in its first lines; the rest is not read.</summary>
    public const int MaxLength = 4000;

    private const int English = 0, Spanish = 1, French = 2, Portuguese = 3, Vietnamese = 4, LatinCount = 5;
    private static readonly string[] LatinCodes = ["en", "es", "fr", "pt", "vi"];
    private static readonly string[] Domains = [".com", ".org", ".net", ".edu", ".gov", ".us", ".mx", ".io"];

    /// <summary>Letters of a script other than Latin needed to name its language: one Han character, two letters.</summary>
    private const int MinScriptWeight = 2;

    /// <summary>Points ¿ and ¡ may add together, so that a row of question marks is not a Spanish text.</summary>
    private const double MaxPunctuationPoints = 2;

    public static LanguageGuess Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return LanguageGuess.Unknown;
        // Accents typed as combining marks (e + U+0301) are composed so that they fold and count like é.
        if (text.AsSpan().ContainsAnyInRange('\u0300', '\u036F') && !text.IsNormalized()) text = text.Normalize();
        var span = text.AsSpan(0, Math.Min(text.Length, MaxLength));

        var scripts = ScriptTally.Of(span);
        if (scripts.TotalWeight == 0) return LanguageGuess.Unknown;
        if (scripts.Dominant != Script.Latin)
        {
            if (scripts.Code is null || scripts.DominantWeight < MinScriptWeight) return LanguageGuess.Unknown;
            var weight = scripts.DominantWeight;
            return new LanguageGuess(scripts.Code, scripts.Share * weight / (weight + 2.0));
        }

        var latin = DetectLatin(span);
        return latin.IsKnown ? new LanguageGuess(latin.Code, latin.Confidence * scripts.Share) : latin;
    }

    /// <summary>Languages (ISO 639-1) this detector names by their writing system alone.</summary>
    public static readonly IReadOnlySet<string> NamedByScript = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "am", "ar", "bn", "el", "fa", "gu", "he", "hi", "hy", "ja", "ka", "km", "ko", "lo", "my", "pa", "ps", "ru", "ta", "te", "th", "uk",
        "ur", "zh",
    };

    /// <summary>Whether the text's letters are mostly Latin (the word lists and Lingua decide), rather than another writing system.</summary>
    public static bool WrittenInLatin(string text)
    {
        var scripts = ScriptTally.Of(text.AsSpan(0, Math.Min(text.Length, MaxLength)));
        return scripts.TotalWeight > 0 && scripts.Dominant == Script.Latin;
    }

    private static LanguageGuess DetectLatin(ReadOnlySpan<char> text)
    {
        Span<double> scores = stackalloc double[LatinCount];
        Span<double> accents = stackalloc double[LatinCount];
        Span<char> folded = stackalloc char[LatinWords.MaxLength];
        int words = 0, vietnameseWords = 0, evidence = 0;
        var punctuation = 0.0;

        int i = 0, chunkEnd = 0;
        var address = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (i >= chunkEnd && !char.IsWhiteSpace(c))
            {
                chunkEnd = i;
                while (chunkEnd < text.Length && !char.IsWhiteSpace(text[chunkEnd])) chunkEnd++;
                address = IsAddress(text[i..chunkEnd]);
            }
            if (!IsWordChar(c))
            {
                if (c is '¿' or '¡' && punctuation < MaxPunctuationPoints) punctuation++;
                i++;
                continue;
            }

            int length = 0, letters = 0;
            bool vietnamese = false, foreign = false;
            var cues = AccentCue.None;
            for (; i < text.Length; i++)
            {
                c = text[i];
                if (IsApostrophe(c) && i + 1 < text.Length && IsWordChar(text[i + 1])) continue;
                if (!IsWordChar(c)) break;
                if (char.IsLetter(c)) letters++;
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
                var bare = LatinWords.Fold(c);
                if (bare == '\0') foreign = true;
                vietnamese |= LatinWords.IsVietnamese(c);
                cues |= Cue(c);
                if (length < folded.Length) folded[length] = bare;
                length++;
            }

            if (letters == 0 || foreign || address) continue;
            words++;
            if (vietnamese)
            {
                vietnameseWords++;
                scores[Vietnamese]++;
                evidence++;
                continue;
            }
            AddAccents(accents, cues);
            if (length > folded.Length) continue;
            var word = folded[..length];
            var languages = LatinWords.LanguagesOf(word);
            if (languages != LatinLanguage.None)
            {
                evidence++;
                if (languages.HasFlag(LatinLanguage.English)) scores[English]++;
                if (languages.HasFlag(LatinLanguage.Spanish)) scores[Spanish]++;
                if (languages.HasFlag(LatinLanguage.French)) scores[French]++;
                if (languages.HasFlag(LatinLanguage.Portuguese)) scores[Portuguese]++;
                if (languages.HasFlag(LatinLanguage.Vietnamese)) scores[Vietnamese]++;
            }
            else if (LatinWords.IsSpanishLaugh(word))
            {
                evidence++;
                scores[Spanish]++;
            }
        }

        // Accents are no evidence without words, nor in Vietnamese, where they mark tones.
        if (evidence == 0) return LanguageGuess.Unknown;
        var vietnameseMarked = vietnameseWords > 0 && vietnameseWords * 4 >= words;
        if (!vietnameseMarked)
        {
            for (var l = 0; l < LatinCount; l++) scores[l] += accents[l];
            scores[Spanish] += punctuation;
        }

        var best = 0;
        for (var l = 1; l < LatinCount; l++)
        {
            if (scores[l] > scores[best]) best = l;
        }
        var second = 0.0;
        for (var l = 0; l < LatinCount; l++)
        {
            if (l != best && scores[l] > second) second = scores[l];
        }
        var lead = scores[best] - second;
        if (lead < 1) return LanguageGuess.Unknown;
        return new LanguageGuess(LatinCodes[best], lead / (lead + 2) * (0.5 + 0.5 * lead / scores[best]));
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    /// <summary>
    /// Email and web addresses, handles and file names ("sam@gmail.com", "www.lincoln.edu/news", "@lincoln_high")
    /// are not words of the text.
    /// </summary>
    private static bool IsAddress(ReadOnlySpan<char> chunk) =>
        chunk.ContainsAny('@', '_') || chunk.Contains("://", StringComparison.Ordinal)
        || chunk.Contains("www.", StringComparison.OrdinalIgnoreCase) || HasDomain(chunk.TrimEnd(".,;:!?)"));

    /// <summary>"lincoln.edu", "instagram.com/p/abc": a known top-level domain at the end or before a path.</summary>
    private static bool HasDomain(ReadOnlySpan<char> chunk)
    {
        foreach (var domain in Domains)
        {
            var at = chunk.IndexOf(domain, StringComparison.OrdinalIgnoreCase);
            var end = at + domain.Length;
            if (at > 0 && (end == chunk.Length || chunk[end] is '/' or ':' or '?')) return true;
        }
        return false;
    }

    [Flags]
    private enum AccentCue : byte
    {
        None = 0,
        Enye = 1,
        AcuteVowel = 2,
        AcuteE = 4,
        Tilde = 8,
        Cedilla = 16,
        FrenchOnly = 32,
        FrenchOrPortuguese = 64,
    }

    private static AccentCue Cue(char c) => char.ToLowerInvariant(c) switch
    {
        'ñ' => AccentCue.Enye,
        'á' or 'í' or 'ó' or 'ú' => AccentCue.AcuteVowel,
        'é' => AccentCue.AcuteE,
        'ã' or 'õ' => AccentCue.Tilde,
        'ç' => AccentCue.Cedilla,
        'è' or 'ù' or 'î' or 'ï' or 'û' or 'ë' or 'œ' => AccentCue.FrenchOnly,
        'à' or 'â' or 'ê' or 'ô' => AccentCue.FrenchOrPortuguese,
        _ => AccentCue.None,
    };

    private static void AddAccents(Span<double> accents, AccentCue cues)
    {
        if (cues.HasFlag(AccentCue.Enye)) accents[Spanish] += 1;
        if (cues.HasFlag(AccentCue.AcuteVowel))
        {
            accents[Spanish] += 0.5;
            accents[Portuguese] += 0.5;
        }
        if (cues.HasFlag(AccentCue.AcuteE))
        {
            accents[Spanish] += 0.5;
            accents[French] += 0.5;
            accents[Portuguese] += 0.5;
        }
        if (cues.HasFlag(AccentCue.Tilde)) accents[Portuguese] += 1;
        if (cues.HasFlag(AccentCue.Cedilla))
        {
            accents[French] += 0.5;
            accents[Portuguese] += 0.5;
        }
        if (cues.HasFlag(AccentCue.FrenchOnly)) accents[French] += 1;
        if (cues.HasFlag(AccentCue.FrenchOrPortuguese))
        {
            accents[French] += 0.5;
            accents[Portuguese] += 0.5;
        }
    }
}
