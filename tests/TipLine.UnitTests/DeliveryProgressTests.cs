using TipLine.Intake.Channels.Sms;
using Xunit;

namespace TipLine.UnitTests;

public sealed class DeliveryProgressTests
{
    [Theory]
    [InlineData("queued", "sent", true)]
    [InlineData("sent", "delivered", true)]
    [InlineData("sent", "undelivered", true)]
    [InlineData("queued", "failed", true)]
    [InlineData("undelivered", "sent", false)]
    [InlineData("delivered", "sent", false)]
    [InlineData("failed", "delivered", false)]
    [InlineData("sent", "sent", false)]
    [InlineData("sent", "queued", false)]
    public void A_late_status_never_hides_a_later_one(string current, string incoming, bool replaces) =>
        Assert.Equal(replaces, DeliveryProgress.Advances(current, incoming));
}
