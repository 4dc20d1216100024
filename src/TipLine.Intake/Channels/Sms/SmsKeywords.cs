namespace TipLine.Intake.Channels.Sms;

internal enum SmsKeyword
{
    None,
    Stop,
    Start,
    Help,
}

/// <summary>The carrier-standard opt-out and help keywords (a message that is only the keyword).</summary>
internal static class SmsKeywords
{
    private static readonly Dictionary<string, SmsKeyword> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STOP"] = SmsKeyword.Stop, ["STOPALL"] = SmsKeyword.Stop, ["UNSUBSCRIBE"] = SmsKeyword.Stop, ["CANCEL"] = SmsKeyword.Stop,
        ["END"] = SmsKeyword.Stop, ["QUIT"] = SmsKeyword.Stop, ["PARAR"] = SmsKeyword.Stop,
        ["START"] = SmsKeyword.Start, ["UNSTOP"] = SmsKeyword.Start,
        ["HELP"] = SmsKeyword.Help, ["INFO"] = SmsKeyword.Help, ["AYUDA"] = SmsKeyword.Help,
    };

    public static SmsKeyword Of(string body) =>
        Words.TryGetValue(body.Trim().TrimEnd('.', '!'), out var keyword) ? keyword : SmsKeyword.None;
}
