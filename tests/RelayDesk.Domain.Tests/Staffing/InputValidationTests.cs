using System;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class InputValidationTests
{
    private static readonly ContactLoad Load = ContactLoad.PerInterval(360, 1800, 240);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-240.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ContactLoad_WithNonPositiveHandleTime_Throws(double handleTime)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ContactLoad(0.2, handleTime));
        Assert.Equal("averageHandleTimeSeconds", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactLoad.PerInterval(360, 1800, handleTime));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactLoad.FromOfferedLoad(48, handleTime));
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    public void ContactLoad_WithNegativeArrivals_Throws(double arrivals)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ContactLoad(arrivals, 240));
        Assert.Equal("arrivalRatePerSecond", error.ParamName);
        Assert.Equal("contacts", Assert.Throws<ArgumentOutOfRangeException>(() => ContactLoad.PerInterval(arrivals, 1800, 240)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactLoad.FromOfferedLoad(arrivals, 240));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-900.0)]
    public void ContactLoad_WithNonPositiveInterval_Throws(double intervalSeconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ContactLoad.PerInterval(360, intervalSeconds, 240));
        Assert.Equal("intervalSeconds", error.ParamName);
    }

    [Fact]
    public void ErrorMessages_NameTheProblem()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ContactLoad(0.2, 0));

        Assert.Contains("averageHandleTimeSeconds must be greater than zero", error.Message);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.2)]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void RequiredAgents_WithTargetServiceLevelOutsideZeroToOne_Throws(double target)
    {
        var erlangC = Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.RequiredAgents(Load, target, 20));
        var erlangA = Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.RequiredAgents(Load, 180, target, 20));
        var chat = Assert.Throws<ArgumentOutOfRangeException>(() => ChatConcurrency.RequiredAgents(Load, 2, target, 20));

        Assert.Equal("targetServiceLevel", erlangC.ParamName);
        Assert.Equal("targetServiceLevel", erlangA.ParamName);
        Assert.Equal("targetServiceLevel", chat.ParamName);
    }

    [Fact]
    public void NegativeAgents_Throw()
    {
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(Load, -1, 20)).ParamName);
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWait(48, -1)).ParamName);
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ServiceLevel(Load, -1, 20)).ParamName);
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Occupancy(48, -1)).ParamName);
        Assert.Equal("servers", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ErlangB(48, -1)).ParamName);
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(Load, -1, 180, 20)).ParamName);
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => ChatConcurrency.Evaluate(Load, -1, 2, 20)).ParamName);
    }

    [Fact]
    public void NegativeOfferedLoad_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ErlangB(-1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWait(-1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Occupancy(double.NaN, 10));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void NegativeAnswerWithin_Throws(double answerWithin)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(Load, 55, answerWithin));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.RequiredAgents(Load, 0.8, answerWithin));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(Load, 55, 180, answerWithin));
        Assert.Throws<ArgumentOutOfRangeException>(() => QueueSimulation.Run(Load, 55, answerWithin, 1000, 1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    [InlineData(-0.5)]
    public void OccupancyCapOutsideZeroToOne_Throws(double cap)
    {
        Assert.Equal("maxOccupancy", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.RequiredAgents(Load, 0.8, 20, cap)).ParamName);
        Assert.Equal("maxOccupancy", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.RequiredAgents(Load, 180, 0.8, 20, cap)).ParamName);
        Assert.Equal("maxAbandonRate", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.RequiredAgents(Load, 180, 0.8, 20, maxAbandonRate: cap)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-30.0)]
    [InlineData(double.PositiveInfinity)]
    public void NonPositiveOrInfinitePatience_Throws(double patience)
    {
        Assert.Equal("meanPatienceSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(Load, 55, patience, 20)).ParamName);
        Assert.Equal("meanPatienceSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.RequiredAgents(Load, patience, 0.8, 20)).ParamName);
        Assert.Equal("meanPatienceSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => QueueSimulation.Run(Load, 55, 20, 1000, 1, patience)).ParamName);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void ShrinkageOutsideZeroToOne_Throws(double shrinkage)
    {
        Assert.Equal("shrinkage", Assert.Throws<ArgumentOutOfRangeException>(() => Shrinkage.ScheduledAgents(50, shrinkage)).ParamName);
        Assert.Equal("shrinkage", Assert.Throws<ArgumentOutOfRangeException>(() => Shrinkage.ScheduledHeadcount(50, shrinkage)).ParamName);
    }

    [Fact]
    public void NegativeRequiredAgentsForShrinkage_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shrinkage.ScheduledAgents(-1, 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shrinkage.ScheduledHeadcount(-1, 0.3));
    }

    [Fact]
    public void FtePerWeek_WithBadInputs_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Fte.PerWeek(null!, TimeSpan.FromMinutes(30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fte.PerWeek([1.0, -2.0], TimeSpan.FromMinutes(30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fte.PerWeek([1.0], TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fte.PerWeek([1.0], TimeSpan.FromMinutes(30), hoursPerFteWeek: 0));
    }

    [Fact]
    public void Simulation_WithBadInputs_Throws()
    {
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => QueueSimulation.Run(Load, 0, 20, 1000, 1)).ParamName);
        Assert.Equal("arrivals", Assert.Throws<ArgumentOutOfRangeException>(() => QueueSimulation.Run(Load, 55, 20, 0, 1)).ParamName);
        Assert.Equal("warmUpArrivals", Assert.Throws<ArgumentOutOfRangeException>(() => QueueSimulation.Run(Load, 55, 20, 1000, 1, warmUpArrivals: -1)).ParamName);
        Assert.Equal("load", Assert.Throws<ArgumentOutOfRangeException>(() => QueueSimulation.Run(new ContactLoad(0, 240), 55, 20, 1000, 1)).ParamName);
    }

    [Fact]
    public void NullLoad_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ErlangC.Evaluate(null!, 55, 20));
        Assert.Throws<ArgumentNullException>(() => ErlangC.RequiredAgents(null!, 0.8, 20));
        Assert.Throws<ArgumentNullException>(() => ErlangA.Evaluate(null!, 55, 180, 20));
        Assert.Throws<ArgumentNullException>(() => ErlangA.RequiredAgents(null!, 180, 0.8, 20));
        Assert.Throws<ArgumentNullException>(() => ChatConcurrency.RequiredAgents(null!, 2, 0.8, 20));
        Assert.Throws<ArgumentNullException>(() => QueueSimulation.Run(null!, 55, 20, 1000, 1));
    }
}
