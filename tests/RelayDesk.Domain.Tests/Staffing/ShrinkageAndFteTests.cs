using System;
using System.Linq;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class ShrinkageAndFteTests
{
    [Fact]
    public void ScheduledAgents_With30PercentShrinkage_DividesBySeventyPercent()
    {
        Assert.Equal(100, Shrinkage.ScheduledAgents(70, 0.30), 9);
    }

    [Fact]
    public void ScheduledAgents_WithNoShrinkage_IsTheRequirement()
    {
        Assert.Equal(54, Shrinkage.ScheduledAgents(54, 0));
    }

    [Fact]
    public void ScheduledHeadcount_IgnoresFloatingPointNoiseWhenRoundingUp()
    {
        // 21 / (1 − 0.3) evaluates to 30.000000000000004 in binary floating point; that is 30 people, not 31.
        Assert.True(21 / (1 - 0.30) > 30);
        Assert.Equal(30, Shrinkage.ScheduledHeadcount(21, 0.30));
    }

    [Fact]
    public void ScheduledHeadcount_RoundsGenuineFractionsUp()
    {
        // 54 / 0.65 = 83.08 agents.
        Assert.Equal(84, Shrinkage.ScheduledHeadcount(54, 0.35));
    }

    [Fact]
    public void FtePerWeek_ForTenAgentsAcrossAFullDayOfHalfHours_IsSix()
    {
        // 48 half-hours × 10 agents = 240 agent-hours = 6 × 40 h.
        var intervals = Enumerable.Repeat(10.0, 48);

        Assert.Equal(6, Fte.PerWeek(intervals, TimeSpan.FromMinutes(30)), 12);
    }

    [Fact]
    public void FtePerWeek_UsesTheGivenContractHours()
    {
        var intervals = new[] { 15.0, 15.0, 15.0, 15.0 }; // 4 hours × 15 agents = 60 agent-hours

        Assert.Equal(60 / 37.5, Fte.PerWeek(intervals, TimeSpan.FromHours(1), hoursPerFteWeek: 37.5), 12);
    }

    [Fact]
    public void FtePerWeek_ForAWeekOfRequirements_SumsAgentHoursNotPeaks()
    {
        // 7 days × 16 half-hours: 8 intervals at 20 agents and 8 at 12 agents per day.
        var day = Enumerable.Repeat(20.0, 8).Concat(Enumerable.Repeat(12.0, 8));
        var week = Enumerable.Range(0, 7).SelectMany(_ => day);

        // (8 × 20 + 8 × 12) × 0.5 h × 7 days = 896 agent-hours = 22.4 FTE.
        Assert.Equal(22.4, Fte.PerWeek(week, TimeSpan.FromMinutes(30)), 9);
    }

    [Fact]
    public void FtePerWeek_WithNoIntervals_IsZero()
    {
        Assert.Equal(0, Fte.PerWeek([], TimeSpan.FromMinutes(15)));
    }
}
