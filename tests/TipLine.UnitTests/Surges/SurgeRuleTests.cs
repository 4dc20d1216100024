using TipLine.Teams.Surges;
using Xunit;

namespace TipLine.UnitTests.Surges;

public sealed class SurgeRuleTests
{
    private static readonly SurgeOptions Options = new() { Multiple = 3, MinimumTips = 20 };
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(60, 1.0, true)] // 6 a minute against a usual 1
    [InlineData(31, 1.0, true)]
    [InlineData(30, 1.0, false)] // exactly three times the usual rate is not above it
    [InlineData(19, 0.0, false)] // a quiet district's few tips are never a surge
    [InlineData(20, 0.0, true)]
    [InlineData(25, 2.0, false)]
    public void A_surge_is_enough_tips_at_more_than_the_multiple_of_the_usual_rate(int recent, double usualPerMinute, bool surge)
        => Assert.Equal(surge, SurgeRule.IsSurge(recent, TenMinutes, usualPerMinute, Options));

    [Fact]
    public void The_notice_gives_counts_only()
    {
        Assert.Equal("surge of tips, 48 in the last 10 minutes, 4.8 times the usual rate. A district administrator can turn surge mode on",
            SurgeRule.Notice(48, TenMinutes, 1.0));
        Assert.Equal("surge of tips, 5 in the last 1 minute. A district administrator can turn surge mode on",
            SurgeRule.Notice(5, TimeSpan.FromMinutes(1), 0));
    }
}
