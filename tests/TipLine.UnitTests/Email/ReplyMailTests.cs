using MimeKit;
using TipLine.Intake.Channels.Email;
using Xunit;

namespace TipLine.UnitTests.Email;

public sealed class ReplyMailTests
{
    private static EmailThread Thread(string references, string subject = "Mi amigo") => new()
    {
        ReportId = Guid.NewGuid(), ReporterKey = "K", Mailbox = "m", OurAddress = "tips@lincoln.test", Subject = subject, Language = "es",
        References = references,
    };

    [Fact]
    public void A_reply_threads_under_the_latest_mail_and_references_the_whole_thread()
    {
        var reply = ReplyMail.Compose(Thread("<first@client.example> <ack@lincoln.test>"), "student@example.test", "q@lincoln.test",
            ReplyMail.Subject(Thread(""), "fallback"), "¿Dónde?", automatic: false);

        Assert.Equal("ack@lincoln.test", reply.InReplyTo);
        Assert.Equal(["first@client.example", "ack@lincoln.test"], reply.References);
        Assert.Equal("q@lincoln.test", reply.MessageId);
        Assert.Equal("Re: Mi amigo", reply.Subject);
        Assert.Equal("tips@lincoln.test", reply.From.Mailboxes.Single().Address);
        Assert.Null(reply.Headers[HeaderId.AutoSubmitted]);
    }

    [Fact]
    public void An_automatic_answer_says_so_so_that_auto_responders_stay_quiet()
    {
        var ack = ReplyMail.Compose(Thread("<first@client.example>", "Re: help"), "student@example.test", "a@lincoln.test",
            ReplyMail.Subject(Thread("", "Re: help"), "x"), "Thanks", automatic: true);

        Assert.Equal("auto-replied", ack.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal("Re: help", ack.Subject);
    }

    [Fact]
    public void The_thread_keeps_its_first_mail_when_References_grow_long()
    {
        var references = "";
        for (var i = 0; i < 200; i++) references = EmailThreads.WithReference(references, $"message-{i}-{new string('x', 40)}@client.example");

        Assert.StartsWith("<message-0-", references, StringComparison.Ordinal);
        Assert.EndsWith("message-199-" + new string('x', 40) + "@client.example>", references, StringComparison.Ordinal);
        Assert.True(references.Length <= 4000);
    }
}
