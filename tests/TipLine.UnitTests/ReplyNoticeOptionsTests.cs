using System.ComponentModel.DataAnnotations;
using TipLine.Contracts;
using TipLine.Intake.Channels.WebForm;

namespace TipLine.UnitTests;

public class ReplyNoticeOptionsTests
{
    public static TheoryData<string, string, string, string?> Cases => new()
    {
        { "", "", "", null },
        { "+15555550199", "", "https://tips.example.org/report/followup", null },
        { "", "notices@tips.example.org", "https://tips.example.org/report/followup", null },
        { "+15555550199", "", "", "FollowupUrl" },
        { "", "notices@tips.example.org", "/report/followup", "FollowupUrl" },
        { "555-0199", "", "https://tips.example.org/report/followup", "SmsFrom" },
        { "", "notices at tips", "https://tips.example.org/report/followup", "EmailFrom" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Notices_that_are_on_need_a_follow_up_address_and_well_formed_senders(string smsFrom, string emailFrom, string url, string? wrong)
    {
        var options = new ReplyNoticeOptions { SmsFrom = smsFrom, EmailFrom = emailFrom, FollowupUrl = url };

        var errors = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();

        if (wrong is null) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public void The_form_offers_only_the_ways_a_notice_can_be_sent()
    {
        var emailOnly = new ReplyNoticeOptions { EmailFrom = "notices@tips.example.org" };

        Assert.True(emailOnly.Offers(ChannelNames.Email));
        Assert.False(emailOnly.Offers(ChannelNames.Sms));
        Assert.False(new ReplyNoticeOptions().Offers(ChannelNames.Email));
    }
}
