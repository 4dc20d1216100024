namespace TipLine.Intake.Channels.Sms;

internal sealed class SmsOptions
{
    /// <summary>A text within this time of the reporter's last one joins the same case.</summary>
    public TimeSpan ThreadWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a text to a district number waits for the school's name. Then it goes to the district's own entry and
    /// its 24/7 team: a tip must reach a person even if the student never answers.
    /// </summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often held texts are checked against <see cref="HoldFor"/>.</summary>
    public TimeSpan HeldCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
