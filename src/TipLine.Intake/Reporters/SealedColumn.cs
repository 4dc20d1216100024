namespace TipLine.Intake.Reporters;

/// <summary>
/// A column holding sealed values: the purpose bound to each value, and where <c>--target reseal</c> finds the values and
/// the row key each is bound to (<paramref name="RowKeySql"/> reads what the code passes as rowKey when sealing).
/// </summary>
/// <param name="UnboundPurpose">The purpose the earlier, row-less format was sealed with.</param>
internal sealed record SealedColumn(string Purpose, string UnboundPurpose, string Table, string Column, string PrimaryKeySql, string RowKeySql,
    string? Filter = null);

/// <summary>Every sealed column in intake. A new one is added here, or re-sealing passes it by.</summary>
internal static class SealedColumns
{
    /// <summary>Row key: the contact's id.</summary>
    public static readonly SealedColumn SmsContact = new("contact-sms", "sms", "sealed_contacts", "Sealed", "\"Id\"", "\"Id\"::text", "\"Channel\" = 'sms'");

    /// <summary>Row key: the contact's id.</summary>
    public static readonly SealedColumn EmailContact = new("contact-email", "email", "sealed_contacts", "Sealed", "\"Id\"", "\"Id\"::text", "\"Channel\" = 'email'");

    /// <summary>Row key: the CallSid, the call's row and the queued voicemail that carries the caller on.</summary>
    public static readonly SealedColumn CallerOfCall = new("voice-caller", "voice-caller", "voice_calls", "SealedCaller", "\"CallSid\"", "\"CallSid\"");

    /// <summary>Row key: the CallSid.</summary>
    public static readonly SealedColumn CallerOfVoicemail = new("voice-caller", "voice-caller", "voicemail_pending", "SealedCaller", "\"RecordingSid\"", "\"CallSid\"");

    /// <summary>Row key: the RecordingSid.</summary>
    public static readonly SealedColumn VoicemailOriginal = new("voicemail-original", "voicemail-original", "voicemails", "SealedOriginal", "\"ReportId\"", "\"RecordingSid\"");

    /// <summary>Row key: the held text's id.</summary>
    public static readonly SealedColumn HeldSmsFrom = new("sms-held-from", "sms-held-from", "sms_held", "SealedFrom", "\"Id\"", "\"Id\"::text");

    /// <summary>Row key: the stored picture's id.</summary>
    public static readonly SealedColumn MmsOriginal = new("mms-original", "mms-original", "mms_media", "SealedOriginal", "\"Id\"", "\"Id\"::text");

    /// <summary>Row key: the stored attachment's id.</summary>
    public static readonly SealedColumn EmailAttachmentOriginal =
        new("email-attachment", "email-attachment", "email_attachments", "SealedOriginal", "\"Id\"", "\"Id\"::text");

    /// <summary>Row key: the queued mail's id.</summary>
    public static readonly SealedColumn EmailReceipt = new("receipt-email", "receipt", "email_pending", "SealedReceipt", "\"Id\"", "\"Id\"::text");

    /// <summary>Row key: the queued text's id.</summary>
    public static readonly SealedColumn SmsReceipt = new("receipt-sms", "receipt", "sms_pending", "SealedReceipt", "\"Id\"", "\"Id\"::text");

    public static IReadOnlyList<SealedColumn> All { get; } =
    [
        SmsContact, EmailContact, CallerOfCall, CallerOfVoicemail, VoicemailOriginal, HeldSmsFrom, MmsOriginal, EmailAttachmentOriginal,
        EmailReceipt, SmsReceipt,
    ];

    public static SealedColumn Contact(string channel) => channel switch
    {
        Contracts.ChannelNames.Sms => SmsContact,
        Contracts.ChannelNames.Email => EmailContact,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Only SMS and email contacts are sealed."),
    };
}
