using System;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class ErlangCTests
{
    // The classic worked example: 360 contacts per half hour, 240 s AHT, 55 agents, 80/15 style target.
    private static readonly ContactLoad PublishedExample = ContactLoad.PerInterval(360, 1800, 240);

    [Fact]
    public void OfferedLoad_ForPublishedWorkedExample_Is48Erlangs()
    {
        Assert.Equal(0.2, PublishedExample.ArrivalRatePerSecond, 12);
        Assert.Equal(48, PublishedExample.OfferedLoadErlangs, 10);
    }

    [Fact]
    public void PWait_ForPublishedWorkedExample_Is0_2387()
    {
        Assert.Equal(0.2387, ErlangC.ProbabilityOfWait(48, 55), 0.0005);
        Assert.Equal(0.2387, ErlangC.Evaluate(PublishedExample, 55, 15).ProbabilityOfWait, 0.0005);
    }

    [Fact]
    public void Asa_ForPublishedWorkedExample_Is8_18Seconds()
    {
        Assert.Equal(8.18, ErlangC.AverageSpeedOfAnswer(PublishedExample, 55), 0.05);
    }

    [Fact]
    public void ServiceLevelWithin15Seconds_ForPublishedWorkedExample_Is84_6Percent()
    {
        Assert.Equal(0.846, ErlangC.ServiceLevel(PublishedExample, 55, 15), 0.002);
    }

    [Fact]
    public void Occupancy_ForPublishedWorkedExample_IsLoadOverAgents()
    {
        var result = ErlangC.Evaluate(PublishedExample, 55, 15);

        Assert.Equal(48.0 / 55, result.Occupancy, 12);
        Assert.Equal(48.0 / 55, ErlangC.Occupancy(48, 55), 12);
    }

    [Fact]
    public void PWait_For10ErlangsOn12Agents_Is0_4494()
    {
        Assert.Equal(0.4494, ErlangC.ProbabilityOfWait(10, 12), 0.0005);
    }

    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(2.5, 3)]
    [InlineData(10.0, 12)]
    [InlineData(20.0, 25)]
    [InlineData(48.0, 55)]
    [InlineData(80.0, 100)]
    public void ErlangB_Recursion_MatchesTextbookFactorialFormulaForSmallSystems(double load, int servers)
    {
        // Independent oracle: B = (Aᴺ/N!) / Σₖ Aᵏ/k!, safe to evaluate directly while N is small.
        double term = 1, sum = 1;
        for (var k = 1; k <= servers; k++)
        {
            term *= load / k;
            sum += term;
        }

        Assert.Equal(term / sum, ErlangC.ErlangB(load, servers), 1e-12);
    }

    [Theory]
    [InlineData(5_000.0, 5_050)]
    [InlineData(10_000.0, 10_000)]
    [InlineData(10_000.0, 10_200)]
    [InlineData(100.0, 20_000)]
    [InlineData(50_000.0, 40_000)]
    public void ErlangB_ForTensOfThousandsOfServers_StaysFiniteAndInUnitInterval(double load, int servers)
    {
        var b = ErlangC.ErlangB(load, servers);
        var pWait = ErlangC.ProbabilityOfWait(load, servers);

        Assert.True(double.IsFinite(b) && b >= 0 && b <= 1, $"B = {b}");
        Assert.True(double.IsFinite(pWait) && pWait >= 0 && pWait <= 1, $"P(wait) = {pWait}");
    }

    [Fact]
    public void ErlangB_ForZeroServers_IsOne()
    {
        Assert.Equal(1, ErlangC.ErlangB(7.5, 0));
    }

    [Theory]
    [InlineData(15.0, 55)]
    [InlineData(20.0, 54)]
    public void RequiredAgents_ForPublishedWorkedExampleAt80Percent_IsTheFirstLevelThatMeetsTheTarget(
        double answerWithinSeconds,
        int expectedAgents)
    {
        var agents = ErlangC.RequiredAgents(PublishedExample, 0.80, answerWithinSeconds);

        Assert.Equal(expectedAgents, agents);
        Assert.True(ErlangC.ServiceLevel(PublishedExample, agents, answerWithinSeconds) >= 0.80);
        Assert.True(ErlangC.ServiceLevel(PublishedExample, agents - 1, answerWithinSeconds) < 0.80);
    }

    [Fact]
    public void RequiredAgents_WithOccupancyCap_AddsAgentsUntilOccupancyIsUnderTheCap()
    {
        // 80/20 alone needs 54 agents (occupancy 88.9 %); an 85 % cap needs ⌈48 / 0.85⌉ = 57.
        var agents = ErlangC.RequiredAgents(PublishedExample, 0.80, 20, maxOccupancy: 0.85);

        Assert.Equal(57, agents);
        Assert.True(48.0 / agents <= 0.85);
        Assert.True(48.0 / (agents - 1) > 0.85);
    }

    [Fact]
    public void RequiredAgents_For5000Erlangs_IsJustAboveTheLoadAndMeetsTheTarget()
    {
        var load = ContactLoad.FromOfferedLoad(5_000, 240);

        var agents = ErlangC.RequiredAgents(load, 0.80, 20);

        Assert.Equal(5_016, agents);
        Assert.True(ErlangC.ServiceLevel(load, agents, 20) >= 0.80);
        Assert.True(ErlangC.ServiceLevel(load, agents - 1, 20) < 0.80);
        Assert.True(double.IsFinite(ErlangC.ErlangB(5_000, agents)));
    }

    [Fact]
    public void RequiredAgents_WithNoTraffic_IsZero()
    {
        Assert.Equal(0, ErlangC.RequiredAgents(new ContactLoad(0, 300), 0.8, 20));
    }

    [Fact]
    public void Evaluate_WhenAgentsDoNotExceedLoad_ReportsAnUnstableQueue()
    {
        var result = ErlangC.Evaluate(PublishedExample, 48, 20);

        Assert.Equal(1, result.ProbabilityOfWait);
        Assert.Equal(0, result.ServiceLevel);
        Assert.True(double.IsPositiveInfinity(result.AverageSpeedOfAnswerSeconds));
        Assert.Equal(1, result.Occupancy);
    }

    [Fact]
    public void Evaluate_WithNoTraffic_HasNobodyWaiting()
    {
        var result = ErlangC.Evaluate(new ContactLoad(0, 300), 3, 20);

        Assert.Equal(0, result.ProbabilityOfWait);
        Assert.Equal(1, result.ServiceLevel);
        Assert.Equal(0, result.AverageSpeedOfAnswerSeconds);
        Assert.Equal(0, result.Occupancy);
    }

    [Fact]
    public void ServiceLevel_RisesWithEveryAddedAgent()
    {
        var previous = 0.0;
        for (var agents = 49; agents <= 70; agents++)
        {
            var serviceLevel = ErlangC.ServiceLevel(PublishedExample, agents, 20);
            Assert.True(serviceLevel > previous, $"SL({agents}) = {serviceLevel} did not rise above {previous}");
            previous = serviceLevel;
        }
    }

    [Fact]
    public void ServiceLevelWithinZeroSeconds_IsTheShareNotWaiting()
    {
        var result = ErlangC.Evaluate(PublishedExample, 55, 0);

        Assert.Equal(1 - result.ProbabilityOfWait, result.ServiceLevel, 12);
    }
}
