using TipLine.Intake.Channels.Sms;
using Xunit;

namespace TipLine.UnitTests;

public sealed class SmsKeywordsTests
{
    [Theory]
    [InlineData("STOP", SmsKeyword.Stop)]
    [InlineData(" stop ", SmsKeyword.Stop)]
    [InlineData("Unsubscribe", SmsKeyword.Stop)]
    [InlineData("cancel", SmsKeyword.Stop)]
    [InlineData("END", SmsKeyword.Stop)]
    [InlineData("quit.", SmsKeyword.Stop)]
    [InlineData("START", SmsKeyword.Start)]
    [InlineData("unstop", SmsKeyword.Start)]
    [InlineData("HELP", SmsKeyword.Help)]
    [InlineData("ayuda!", SmsKeyword.Help)]
    [InlineData("please stop the bullying", SmsKeyword.None)]
    [InlineData("he said he would end it all", SmsKeyword.None)]
    [InlineData("", SmsKeyword.None)]
    public void Only_a_message_that_is_just_the_keyword_is_a_keyword(string body, SmsKeyword expected) =>
        Assert.Equal(expected, SmsKeywords.Of(body));
}
