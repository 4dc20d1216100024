using System.Xml;

namespace TipLine.Twilio.TwiML;

/// <summary>The prompts played inside a &lt;Gather&gt; while it waits for digits.</summary>
public sealed class TwimlGather
{
    private readonly List<(string Text, string? Voice, string? Language)> prompts = [];

    public TwimlGather Say(string text, string? voice = null, string? language = null)
    {
        prompts.Add((text, voice, language));
        return this;
    }

    internal void WriteTo(XmlWriter writer)
    {
        foreach (var (text, voice, language) in prompts) TwimlResponse.WriteSay(writer, text, voice, language);
    }
}
