namespace TipLine.Contracts;

/// <summary>
/// Whether anyone on the team can read a tip yet. A tip nobody can read is suggested at least High, so that a person
/// reads it within the High escalation time, and its alert says why.
/// </summary>
public enum TipReadability
{
    /// <summary>In the team's language, or translated into it.</summary>
    Read = 0,

    /// <summary>In a known language with no working translation into the team's language.</summary>
    NotTranslated = 1,

    /// <summary>The language could not be detected.</summary>
    LanguageUnknown = 2,

    /// <summary>A voicemail whose transcription failed: the words are only in the recording.</summary>
    NotTranscribed = 3,
}
