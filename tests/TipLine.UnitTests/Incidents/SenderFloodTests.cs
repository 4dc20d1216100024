using TipLine.Teams.Incidents;
using Xunit;

namespace TipLine.UnitTests.Incidents;

public sealed class SenderFloodTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(0, 0, 0)]        // nothing yet
    [InlineData(1, 60, 1)]
    [InlineData(20, 1, 20)]      // a script: twenty texts in twenty seconds
    [InlineData(20, 60, 11)]     // one a minute: at most eleven fit in ten minutes (both ends count)
    [InlineData(20, 601, 1)]     // just over ten minutes apart: never two in a window
    public void Counts_the_most_messages_in_any_one_window(int messages, int secondsApart, int most)
    {
        var moments = Enumerable.Range(0, messages).Select(i => Start.AddSeconds(i * secondsApart));
        Assert.Equal(most, SenderFlood.MostWithin(moments, Window));
    }

    [Fact]
    public void Order_does_not_matter_and_a_burst_inside_a_quiet_thread_is_found()
    {
        var quiet = Enumerable.Range(0, 5).Select(i => Start.AddHours(i));
        var burst = Enumerable.Range(0, 7).Select(i => Start.AddHours(2).AddMinutes(30).AddSeconds(i * 5));
        Assert.Equal(7, SenderFlood.MostWithin(burst.Concat(quiet).Reverse(), Window));
    }
}
