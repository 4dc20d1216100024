using TipLine.Bus.Work;

namespace TipLine.UnitTests;

public class RetryDelayTests
{
    private static readonly WorkOptions Options = new() { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromMinutes(30) };

    [Theory]
    [InlineData(1, 0.0, 15)]
    [InlineData(1, 1.0, 30)]
    [InlineData(2, 0.0, 30)]
    [InlineData(3, 0.5, 90)]
    [InlineData(7, 1.0, 1800)]
    [InlineData(20, 0.0, 900)]
    [InlineData(int.MaxValue, 1.0, 1800)]
    public void Each_failure_doubles_the_step_up_to_the_maximum_and_half_of_it_is_random(int failed, double random, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryDelay.After(failed, Options, random));
    }

    [Fact]
    public void Retries_of_a_burst_spread_out()
    {
        var delays = Enumerable.Range(0, 50).Select(_ => RetryDelay.After(2, Options, Random.Shared.NextDouble())).Distinct().Count();

        Assert.True(delays > 40, $"only {delays} different delays");
    }
}
