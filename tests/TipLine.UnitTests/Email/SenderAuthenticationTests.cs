using MimeKit;
using TipLine.Intake.Channels.Email;

namespace TipLine.UnitTests.Email;

public class SenderAuthenticationTests
{
    private const string Ours = "mx.district.test";

    [Theory]
    [InlineData("mx.district.test; dmarc=pass header.from=example.test", true)]
    [InlineData("MX.District.Test; spf=pass smtp.mailfrom=a@example.test; dkim=pass header.d=example.test; dmarc=pass (p=reject) header.from=Example.Test", true)]
    [InlineData("mx.district.test; dmarc=fail header.from=example.test", false)]
    [InlineData("mx.district.test; dmarc=none header.from=example.test", false)]
    [InlineData("mx.district.test; spf=pass smtp.mailfrom=a@example.test; dkim=pass header.d=example.test", false)] // no DMARC verdict
    [InlineData("mx.district.test; dmarc=pass header.from=other.test", false)] // a verdict on another domain
    [InlineData("mx.elsewhere.test; dmarc=pass header.from=example.test", false)] // written by someone else
    [InlineData("not an authentication result", false)]
    public void Only_our_server_s_DMARC_pass_for_the_From_domain_verifies_the_sender(string header, bool verified)
    {
        Assert.Equal(verified, SenderAuthentication.DmarcPassed(Mail("a@example.test", header), Ours));
    }

    [Fact]
    public void Our_server_s_topmost_verdict_counts_not_an_older_one_below_it()
    {
        var mail = Mail("a@example.test", "mx.district.test; dmarc=fail header.from=example.test");
        mail.Headers.Add("Authentication-Results", "mx.district.test; dmarc=pass header.from=example.test");

        Assert.False(SenderAuthentication.DmarcPassed(mail, Ours));
    }

    [Fact]
    public void An_unreadable_verdict_of_our_server_verifies_nobody_even_with_a_pass_below_it()
    {
        var mail = Mail("a@example.test", "mx.district.test; dmarc=pass (((( header.from=example.test");
        mail.Headers.Add("Authentication-Results", "mx.district.test; dmarc=pass header.from=example.test");

        Assert.False(SenderAuthentication.DmarcPassed(mail, Ours));
    }

    [Fact]
    public void A_mail_from_two_addresses_or_a_mailbox_without_a_server_id_is_never_verified()
    {
        var two = Mail("a@example.test", "mx.district.test; dmarc=pass header.from=example.test");
        two.From.Add(new MailboxAddress("", "b@example.test"));

        Assert.False(SenderAuthentication.DmarcPassed(two, Ours));
        Assert.False(SenderAuthentication.DmarcPassed(Mail("a@example.test", "mx.district.test; dmarc=pass header.from=example.test"), ""));
    }

    private static MimeMessage Mail(string from, string authenticationResults)
    {
        var message = new MimeMessage { Subject = "tip", Body = new TextPart("plain") { Text = "text" } };
        message.From.Add(new MailboxAddress("", from));
        message.Headers.Add("Authentication-Results", authenticationResults);
        return message;
    }
}
