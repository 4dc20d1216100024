namespace TipLine.Voicemail;

/// <summary>A command-line tool, a model or a codec the voicemail pipeline needs is not installed.</summary>
public sealed class AudioToolMissingException : InvalidOperationException
{
    public AudioToolMissingException()
    {
    }

    public AudioToolMissingException(string message) : base(message)
    {
    }

    public AudioToolMissingException(string message, Exception inner) : base(message, inner)
    {
    }
}
