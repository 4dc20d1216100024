using MimeKit;
using TipLine.Intake.Channels.Email;
using Xunit;

namespace TipLine.UnitTests.Email;

public sealed class IncomingMailTests
{
    [Fact]
    public void Only_the_words_and_files_are_taken_not_the_headers_names_or_file_names()
    {
        var message = new MimeMessage { Subject = "Please help", MessageId = "abc123@client.example", InReplyTo = "q1@tips.test" };
        message.From.Add(new MailboxAddress("Maria Gonzalez", "maria@example.test"));
        message.ReplyTo.Add(new MailboxAddress("Other", "other@example.test"));
        message.Headers.Add("X-Mailer", "iPhone Mail (20A362)");
        message.Headers.Add("X-Originating-IP", "[203.0.113.9]");
        var builder = new BodyBuilder { TextBody = "Someone has a knife. - Maria" };
        builder.Attachments.Add("maria-gonzalez-photo.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, new ContentType("image", "jpeg"));
        builder.Attachments.Add("tool.exe", "MZ..."u8.ToArray(), new ContentType("application", "octet-stream"));
        message.Body = builder.ToMessageBody();

        var mail = IncomingMail.Read(message, 1 << 20);

        Assert.Equal("maria@example.test", mail.SenderAddress);
        Assert.Equal("Someone has a knife. - [name]", mail.Body);
        Assert.Equal(IncomingMail.Key("<ABC123@client.example>"), mail.MessageKey);
        Assert.Equal([IncomingMail.Key("q1@tips.test")], mail.ReferencedKeys);
        var file = Assert.Single(mail.Files);
        Assert.Equal("image/jpeg", file.ContentType);
        var refused = Assert.Single(mail.Refused);
        Assert.Equal("executable", refused.Reason);
        Assert.Null(mail.AutomaticReason);
        // The Message-ID itself is kept (intake threads replies with it); nothing else of the headers is.
        var everything = System.Text.Json.JsonSerializer.Serialize(mail with { MessageId = "" });
        foreach (var hidden in new[] { "Gonzalez", "other@", "iPhone", "203.0.113.9", "maria-gonzalez-photo", "tool.exe", "client.example" })
        {
            Assert.DoesNotContain(hidden, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_mail_without_a_Message_ID_is_keyed_by_its_content()
    {
        var message = new MimeMessage { Body = new TextPart("plain") { Text = "tip" } };
        message.From.Add(MailboxAddress.Parse("a@example.test"));
        message.Headers.Remove(HeaderId.MessageId);

        var key = IncomingMail.Read(message, 100).MessageKey;

        Assert.StartsWith("raw:", key, StringComparison.Ordinal);
        Assert.Equal(key, IncomingMail.Read(message, 100).MessageKey);
    }
}
