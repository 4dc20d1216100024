using TipLine.Intake.Channels.Sms;
using Xunit;

namespace TipLine.UnitTests;

public sealed class SmsKeywordsTests
{
    [Theory]
    [InlineData("STOP", nameof(SmsKeyword.Stop))]
    [InlineData(" stop ", nameof(SmsKeyword.Stop))]
    [InlineData("Unsubscribe", nameof(SmsKeyword.Stop))]
    [InlineData("cancel", nameof(SmsKeyword.Stop))]
    [InlineData("END", nameof(SmsKeyword.Stop))]
    [InlineData("quit.", nameof(SmsKeyword.Stop))]
    [InlineData("START", nameof(SmsKeyword.Start))]
    [InlineData("unstop", nameof(SmsKeyword.Start))]
    [InlineData("HELP", nameof(SmsKeyword.Help))]
    [InlineData("ayuda!", nameof(SmsKeyword.Help))]
    [InlineData("please stop the bullying", nameof(SmsKeyword.None))]
    [InlineData("he said he would end it all", nameof(SmsKeyword.None))]
    [InlineData("", nameof(SmsKeyword.None))]
    public void Only_a_message_that_is_just_the_keyword_is_a_keyword(string body, string expected) =>
        Assert.Equal(Enum.Parse<SmsKeyword>(expected), SmsKeywords.Of(body));
}
