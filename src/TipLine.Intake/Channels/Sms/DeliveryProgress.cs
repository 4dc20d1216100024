namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// Twilio's status callbacks can arrive out of order: a late "sent" must never hide "undelivered".
/// A status replaces the current one only if it is further along; a final one is never replaced.
/// </summary>
internal static class DeliveryProgress
{
    public static bool Advances(string current, string incoming) => Rank(incoming) > Rank(current);

    /// <summary>Delivered, undelivered, failed, read or canceled: Twilio changes the message no more (and lets its body be redacted).</summary>
    public static bool IsFinal(string status) => Rank(status) == 4;

    private static int Rank(string status) => status switch
    {
        "accepted" or "scheduled" or "queued" => 1,
        "sending" => 2,
        "sent" => 3,
        "delivered" or "undelivered" or "failed" or "read" or "canceled" => 4,
        _ => 0,
    };
}
