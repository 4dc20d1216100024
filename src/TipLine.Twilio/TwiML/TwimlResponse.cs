using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace TipLine.Twilio.TwiML;

/// <summary>
/// Builds a TwiML &lt;Response&gt; with the verbs we use. XmlWriter does the escaping, so text from a tip can never
/// become markup; characters XML cannot carry are dropped rather than failing the whole call.
/// </summary>
public sealed class TwimlResponse
{
    public const string ContentType = "application/xml";

    private readonly List<Action<XmlWriter>> verbs = [];

    /// <summary>A reply to the sender; with <paramref name="action"/>, Twilio posts the reply's status callbacks there.</summary>
    public TwimlResponse Message(string body, string? action = null) => Add(w =>
    {
        w.WriteStartElement("Message");
        Attribute(w, "action", action);
        w.WriteString(XmlSafe(body));
        w.WriteEndElement();
    });

    public TwimlResponse Say(string text, string? voice = null, string? language = null) => Add(w => WriteSay(w, text, voice, language));

    /// <summary>Collects keypad digits, playing the nested prompts meanwhile; Twilio posts Digits to <paramref name="action"/>.</summary>
    public TwimlResponse Gather(Action<TwimlGather> prompts, int? numDigits = null, string? action = null, int? timeout = null,
        string? finishOnKey = null)
    {
        var gather = new TwimlGather();
        prompts(gather);
        return Add(w =>
        {
            w.WriteStartElement("Gather");
            Attribute(w, "action", action);
            Attribute(w, "numDigits", numDigits);
            Attribute(w, "timeout", timeout);
            Attribute(w, "finishOnKey", finishOnKey);
            gather.WriteTo(w);
            w.WriteEndElement();
        });
    }

    /// <summary>
    /// Records the caller. Twilio requests <paramref name="action"/> for the next TwiML when recording ends, and posts to
    /// <paramref name="recordingStatusCallback"/> once the file is ready.
    /// </summary>
    public TwimlResponse Record(
        string? action = null, string? recordingStatusCallback = null, int? maxLength = null, bool? playBeep = null, int? timeout = null) =>
        Add(w =>
        {
            w.WriteStartElement("Record");
            Attribute(w, "action", action);
            Attribute(w, "recordingStatusCallback", recordingStatusCallback);
            Attribute(w, "maxLength", maxLength);
            Attribute(w, "playBeep", playBeep is { } beep ? (beep ? "true" : "false") : null);
            Attribute(w, "timeout", timeout);
            w.WriteEndElement();
        });

    public TwimlResponse Redirect(string url) => Add(w => Element(w, "Redirect", url));

    public TwimlResponse Hangup() => Add(w =>
    {
        w.WriteStartElement("Hangup");
        w.WriteEndElement();
    });

    public string ToXml()
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("Response");
            foreach (var verb in verbs) verb(writer);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public override string ToString() => ToXml();

    /// <summary>The response for a minimal-API webhook handler.</summary>
    public IResult ToResult() => Results.Content(ToXml(), ContentType, Encoding.UTF8);

    internal static void WriteSay(XmlWriter w, string text, string? voice, string? language)
    {
        w.WriteStartElement("Say");
        Attribute(w, "voice", voice);
        Attribute(w, "language", language);
        w.WriteString(XmlSafe(text));
        w.WriteEndElement();
    }

    private TwimlResponse Add(Action<XmlWriter> verb)
    {
        verbs.Add(verb);
        return this;
    }

    private static void Element(XmlWriter w, string name, string text)
    {
        w.WriteStartElement(name);
        w.WriteString(XmlSafe(text));
        w.WriteEndElement();
    }

    private static void Attribute(XmlWriter w, string name, string? value)
    {
        if (value is not null) w.WriteAttributeString(name, XmlSafe(value));
    }

    private static void Attribute(XmlWriter w, string name, int? value)
    {
        if (value is { } number) w.WriteAttributeString(name, number.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Drops control characters and lone surrogates, which XML 1.0 cannot carry at all.</summary>
    internal static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }
        return safe.Length == text.Length ? text : safe.ToString();
    }
}
