using MimeKit;
using TipLine.Intake.Channels.Email;
using Xunit;

namespace TipLine.UnitTests.Email;

public sealed class AutomaticMailTests
{
    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "auto-submitted")]
    [InlineData("Auto-Submitted", "auto-generated", "auto-submitted")]
    [InlineData("Precedence", "bulk", "precedence")]
    [InlineData("Precedence", "junk", "precedence")]
    [InlineData("Precedence", "list", "precedence")]
    [InlineData("X-Autoreply", "yes", "auto-reply")]
    [InlineData("List-Id", "<students.school.test>", "mailing-list")]
    [InlineData("Return-Path", "<>", "bounce")]
    public void Marked_mail_is_automatic(string header, string value, string reason)
    {
        var message = Mail("student@example.test");
        message.Headers.Add(header, value);

        Assert.Equal(reason, AutomaticMail.Reason(message));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example.test")]
    [InlineData("postmaster@example.test")]
    [InlineData("no-reply@example.test")]
    public void Mail_from_a_daemon_is_automatic(string from) => Assert.NotNull(AutomaticMail.Reason(Mail(from)));

    [Fact]
    public void A_delivery_report_is_a_bounce()
    {
        var message = Mail("someone@example.test");
        message.Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "failed" } };

        Assert.Equal("bounce", AutomaticMail.Reason(message));
    }

    [Fact]
    public void A_person_s_mail_is_not_automatic_even_when_it_says_auto_submitted_no()
    {
        var message = Mail("student@example.test");
        message.Headers.Add(HeaderId.AutoSubmitted, "no");

        Assert.Null(AutomaticMail.Reason(message));
    }

    private static MimeMessage Mail(string from)
    {
        var message = new MimeMessage { Subject = "hi", Body = new TextPart("plain") { Text = "someone has a knife" } };
        message.From.Add(MailboxAddress.Parse(from));
        return message;
    }
}
