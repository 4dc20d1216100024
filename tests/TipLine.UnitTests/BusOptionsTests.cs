using TipLine.Bus;

namespace TipLine.UnitTests;

public class BusOptionsTests
{
    [Theory]
    [InlineData("30.00:00:00", "", true)]
    [InlineData("49.00:00:00", "http://rabbitmq:15672", true)]
    [InlineData("50.00:00:00", "", false)]
    [InlineData("00:00:00", "", false)]
    [InlineData("1.00:00:00", "rabbitmq:15672", false)]
    [InlineData("1.00:00:00", "ftp://rabbitmq", false)]
    public void Error_queue_retention_and_the_management_address_are_checked_at_start(string retention, string url, bool usable)
    {
        var options = new RabbitMqOptions { ErrorQueueRetention = TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture), ManagementUrl = url };

        Assert.Equal(usable, !options.Problems().Any());
    }
}
