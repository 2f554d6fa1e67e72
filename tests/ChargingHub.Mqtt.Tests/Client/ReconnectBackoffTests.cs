using ChargingHub.Mqtt.Client;

namespace ChargingHub.Mqtt.Tests.Client;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Next_AnyRandomness_StaysWithinMinAndMax(double random)
    {
        var backoff = new ReconnectBackoff(Min, Max, () => random);

        for (var i = 0; i < 100; i++)
        {
            var delay = backoff.Next();
            Assert.InRange(delay, Min, Max);
        }
    }

    [Fact]
    public void Next_HighestRandomness_DoublesUpToMax()
    {
        var backoff = new ReconnectBackoff(Min, Max, () => 1.0);

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
    }

    [Fact]
    public void Next_LowestRandomness_IsHalfTheCeilingButNotBelowMin()
    {
        var backoff = new ReconnectBackoff(Min, Max, () => 0.0);

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalSeconds).ToArray();

        Assert.Equal([1, 1, 2, 4, 8, 15, 15], delays);
    }

    [Fact]
    public void Next_RealRandomness_Jitters()
    {
        var delays = Enumerable.Range(0, 20).Select(_ =>
        {
            var backoff = new ReconnectBackoff(Min, Max);
            backoff.Next();
            backoff.Next();
            backoff.Next();
            return backoff.Next();
        }).ToHashSet();

        Assert.True(delays.Count > 1);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)));
    }

    [Fact]
    public void Reset_AfterFailures_StartsAgainAtMin()
    {
        var backoff = new ReconnectBackoff(Min, Max, () => 1.0);
        for (var i = 0; i < 10; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.Equal(Min, backoff.Next());
    }

    [Fact]
    public void Next_ManyFailures_DoesNotOverflow()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1), () => 1.0);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(backoff.Next(), TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));
        }
    }
}
