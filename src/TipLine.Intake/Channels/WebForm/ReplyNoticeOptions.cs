using System.ComponentModel.DataAnnotations;
using TipLine.Contracts;

namespace TipLine.Intake.Channels.WebForm;

/// <summary>
/// Section "ReplyNotices": how a web reporter who left a phone number or email is told that the team has answered. The
/// form offers the contact field only for the ways configured here; with neither, it has no contact field at all.
/// </summary>
internal sealed class ReplyNoticeOptions : IValidatableObject
{
    public const string Section = "ReplyNotices";

    /// <summary>The Twilio number notices are texted from (E.164); empty, no notices by text.</summary>
    public string SmsFrom { get; set; } = "";

    /// <summary>The address notices are mailed from (through Email:Smtp); empty, no notices by email.</summary>
    public string EmailFrom { get; set; } = "";

    /// <summary>Where the reporter reads the answer with their receipt code, e.g. https://tips.district.org/report/followup.</summary>
    public string FollowupUrl { get; set; } = "";

    public bool BySms => SmsFrom.Length > 0;

    public bool ByEmail => EmailFrom.Length > 0;

    public bool Offers(string channel) => channel == ChannelNames.Sms ? BySms : channel == ChannelNames.Email && ByEmail;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((BySms || ByEmail) && !(Uri.TryCreate(FollowupUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("ReplyNotices:FollowupUrl must be the public https address of /report/followup when notices are on.");
        }
        if (BySms && !(SmsFrom.StartsWith('+') && SmsFrom.Length is >= 8 and <= 16 && SmsFrom[1..].All(char.IsAsciiDigit)))
        {
            yield return new ValidationResult("ReplyNotices:SmsFrom must be a Twilio number in E.164 form, e.g. +15555550100.");
        }
        if (ByEmail && !new EmailAddressAttribute().IsValid(EmailFrom))
        {
            yield return new ValidationResult("ReplyNotices:EmailFrom must be an email address.");
        }
    }
}
