namespace TipLine.Contracts;

/// <summary>The intake channels a tip can arrive through.</summary>
public static class ChannelNames
{
    public const string WebForm = "web";
    public const string Sms = "sms";
    public const string Voice = "voice";
    public const string Email = "email";
}
