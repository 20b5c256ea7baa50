using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RelayDesk.Domain.Routing;

namespace RelayDesk.Domain.Tests.Routing;

public class WaitEstimatorTests
{
    private static readonly TimeSpan SixMinutes = TimeSpan.FromMinutes(6);

    [Fact]
    public void Estimate_WithNobodyQualifiedOnShift_GivesNoNumber()
    {
        Assert.Null(WaitEstimator.Estimate(new WaitInputs(1, 0, 0, 0), SixMinutes));
    }

    [Fact]
    public void Estimate_WhenASlotIsFree_IsJustTheOfferRoundTrip()
    {
        Assert.Equal(new WaitEstimate(0, 60), WaitEstimator.Estimate(new WaitInputs(2, 2, 6, 2), SixMinutes));
    }

    [Fact]
    public void Estimate_WhenEveryoneIsBusy_IsARangeAroundTheChatsThatMustEndFirst()
    {
        // 4 ahead, no free slot, 6 slots, 6-minute chats: 5 chats must end, one every minute → about 5 minutes.
        var estimate = WaitEstimator.Estimate(new WaitInputs(5, 2, 6, 0), SixMinutes)!;

        Assert.Equal(new WaitEstimate(150, 510), estimate);
    }

    [Property(MaxTest = 200)]
    public Property Estimate_GrowsWithThePosition_AndIsAlwaysARange()
    {
        var inputs =
            from position in Gen.Choose(1, 200)
            from agents in Gen.Choose(1, 20)
            from capacity in Gen.Choose(1, 3)
            from free in Gen.Choose(0, 3)
            select (position, agents, capacity, free: Math.Min(free, agents * capacity));
        return Prop.ForAll(inputs.ToArbitrary(), i =>
        {
            var here = WaitEstimator.Estimate(new WaitInputs(i.position, i.agents, i.agents * i.capacity, i.free), SixMinutes)!;
            var behind = WaitEstimator.Estimate(new WaitInputs(i.position + 1, i.agents, i.agents * i.capacity, i.free), SixMinutes)!;
            return here.MinSeconds <= here.MaxSeconds && here.MinSeconds % 30 == 0 && here.MaxSeconds % 30 == 0
                && behind.MinSeconds >= here.MinSeconds && behind.MaxSeconds >= here.MaxSeconds;
        });
    }

    [Fact]
    public void MeanHandlingTime_UsesTheFallbackUntilThereAreFiveChats()
    {
        var fallback = TimeSpan.FromMinutes(8);
        Assert.Equal(fallback, WaitEstimator.MeanHandlingTime([TimeSpan.FromMinutes(1)], fallback));
        Assert.Equal(TimeSpan.FromMinutes(3), WaitEstimator.MeanHandlingTime(
            [.. new[] { 1, 2, 3, 4, 5 }.Select(m => TimeSpan.FromMinutes(m))], fallback));
    }
}
