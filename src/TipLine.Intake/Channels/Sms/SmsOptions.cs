namespace TipLine.Intake.Channels.Sms;

public sealed class SmsOptions
{
    /// <summary>A text within this time of the reporter's last one joins the same case.</summary>
    public TimeSpan ThreadWindow { get; set; } = TimeSpan.FromHours(24);
}
