using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using TipLine.Mail;
using Xunit;

namespace TipLine.UnitTests.Email;

public sealed class SmtpRetryTests
{
    [Theory]
    [InlineData(SmtpStatusCode.ServiceNotAvailable, true)] // 421
    [InlineData(SmtpStatusCode.MailboxBusy, true)] // 450
    [InlineData(SmtpStatusCode.InsufficientStorage, true)] // 452
    [InlineData(SmtpStatusCode.MailboxUnavailable, false)] // 550
    [InlineData(SmtpStatusCode.TransactionFailed, false)] // 554
    public void Four_hundreds_are_retried_and_five_hundreds_are_not(SmtpStatusCode status, bool transient) =>
        Assert.Equal(transient, SmtpRetry.IsTransient(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, status, "x")));

    [Fact]
    public void Connection_trouble_is_retried() =>
        Assert.All(new Exception[] { new SocketException(), new IOException(), new TimeoutException(), new SmtpProtocolException() },
            e => Assert.True(SmtpRetry.IsTransient(e)));

    [Fact]
    public void Wrong_credentials_and_unknown_failures_are_not_retried()
    {
        Assert.False(SmtpRetry.IsTransient(new AuthenticationException()));
        Assert.False(SmtpRetry.IsTransient(new InvalidOperationException()));
    }
}
