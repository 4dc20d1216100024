using System.Net.Mail;
using TipLine.Contracts;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Channels.WebForm;

/// <summary>Reads the optional contact field as an email address or a phone number.</summary>
internal static class ContactParser
{
    public static bool TryParse(string? input, out ReporterContact? contact)
    {
        contact = null;
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value)) return true;
        if (value.Contains('@', StringComparison.Ordinal))
        {
            if (!MailAddress.TryCreate(value, out var address) || !address.Host.Contains('.', StringComparison.Ordinal)) return false;
            contact = new ReporterContact(ChannelNames.Email, address.Address.ToLowerInvariant());
            return true;
        }
        if (value.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))) return false;
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is < 7 or > 15) return false;
        // Without a '+', only a North American number is unambiguous: 10 digits, or 11 starting with 1.
        var e164 = value.StartsWith('+') ? "+" + digits
            : digits.Length == 10 ? "+1" + digits
            : digits.Length == 11 && digits[0] == '1' ? "+" + digits
            : null;
        if (e164 is null) return false;
        contact = new ReporterContact(ChannelNames.Sms, e164);
        return true;
    }
}
