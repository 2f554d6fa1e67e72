using ChargingHub.TestSupport;
using ChargingHub.Web.Ocpp;

namespace ChargingHub.Web.Tests.Ocpp;

public sealed class FrameLogBudgetTests
{
    [Fact]
    public void TryTake_BurstSpent_RefusesUntilTimePasses()
    {
        var time = new ManualTimeProvider();
        var budget = new FrameLogBudget(time);

        var taken = Enumerable.Range(0, FrameLogBudget.Burst + 5).Count(_ => budget.TryTake());

        Assert.Equal(FrameLogBudget.Burst, taken);
        Assert.Equal(5, budget.Skipped);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(FrameLogBudget.FramesPerSecond, Enumerable.Range(0, 100).Count(_ => budget.TryTake()));
    }

    [Fact]
    public void TryTake_LongIdle_RefillsNoMoreThanTheBurst()
    {
        var time = new ManualTimeProvider();
        var budget = new FrameLogBudget(time);
        Assert.True(budget.TryTake());

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(FrameLogBudget.Burst, Enumerable.Range(0, FrameLogBudget.Burst * 2).Count(_ => budget.TryTake()));
    }
}
