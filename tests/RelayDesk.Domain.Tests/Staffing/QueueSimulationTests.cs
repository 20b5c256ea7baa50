using System;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

/// <summary>
/// The simulation and the formulas are independent implementations of the same queue, so agreement
/// checks both. Run lengths are chosen so the tolerances are at least about four standard deviations
/// of the simulation noise (measured over 40 seeds), i.e. passing does not hinge on a lucky seed:
/// Erlang C at 87 % occupancy is the noisiest case (ASA varies by ~4 % per million arrivals).
/// </summary>
public class QueueSimulationTests
{
    private const int Seed = 20_240_601;
    private const int WarmUp = 10_000;
    private static readonly ContactLoad PublishedExample = ContactLoad.PerInterval(360, 1800, 240);

    [Fact]
    public void Simulation_OfPublishedWorkedExample_AgreesWithErlangC()
    {
        var exact = ErlangC.Evaluate(PublishedExample, 55, 15);

        var simulated = QueueSimulation.Run(PublishedExample, 55, 15, 12_000_000, Seed, warmUpArrivals: WarmUp);

        Assert.Equal(exact.ServiceLevel, simulated.ServiceLevel, 0.01);
        Assert.Equal(exact.ProbabilityOfWait, simulated.ProbabilityOfWait, 0.01);
        Assert.Equal(exact.AverageSpeedOfAnswerSeconds, simulated.AverageSpeedOfAnswerSeconds, 0.05 * exact.AverageSpeedOfAnswerSeconds);
        Assert.Equal(exact.Occupancy, simulated.Occupancy, 0.01);
        Assert.Equal(0, simulated.AbandonmentRate);
    }

    [Fact]
    public void Simulation_Of10ErlangsOn12Agents_AgreesWithErlangC()
    {
        var load = ContactLoad.FromOfferedLoad(10, 180);
        var exact = ErlangC.Evaluate(load, 12, 20);

        var simulated = QueueSimulation.Run(load, 12, 20, 4_000_000, Seed, warmUpArrivals: WarmUp);

        Assert.Equal(exact.ServiceLevel, simulated.ServiceLevel, 0.01);
        Assert.Equal(exact.ProbabilityOfWait, simulated.ProbabilityOfWait, 0.01);
        Assert.Equal(exact.AverageSpeedOfAnswerSeconds, simulated.AverageSpeedOfAnswerSeconds, 0.05 * exact.AverageSpeedOfAnswerSeconds);
    }

    [Theory]
    [InlineData(50, 180.0, 20.0)]
    [InlineData(55, 180.0, 15.0)]
    [InlineData(44, 120.0, 20.0)]
    public void Simulation_WithAbandonment_AgreesWithErlangA(int agents, double meanPatienceSeconds, double answerWithinSeconds)
    {
        var exact = ErlangA.Evaluate(PublishedExample, agents, meanPatienceSeconds, answerWithinSeconds);

        var simulated = QueueSimulation.Run(
            PublishedExample, agents, answerWithinSeconds, 4_000_000, Seed, meanPatienceSeconds, WarmUp);

        Assert.Equal(exact.ServiceLevel, simulated.ServiceLevel, 0.01);
        Assert.Equal(exact.ProbabilityOfWait, simulated.ProbabilityOfWait, 0.01);
        Assert.Equal(exact.ProbabilityOfAbandon, simulated.AbandonmentRate, 0.01);
        Assert.Equal(exact.AverageSpeedOfAnswerSeconds, simulated.AverageSpeedOfAnswerSeconds, 0.05 * exact.AverageSpeedOfAnswerSeconds);
        Assert.Equal(exact.AverageWaitAllContactsSeconds, simulated.AverageWaitAllContactsSeconds, 0.05 * exact.AverageWaitAllContactsSeconds);
        Assert.Equal(exact.Occupancy, simulated.Occupancy, 0.01);
    }

    [Fact]
    public void Simulation_WithTheSameSeed_IsRepeatable()
    {
        var first = QueueSimulation.Run(PublishedExample, 52, 20, 50_000, 7, 90);
        var second = QueueSimulation.Run(PublishedExample, 52, 20, 50_000, 7, 90);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Simulation_WithDifferentSeeds_Differs()
    {
        var first = QueueSimulation.Run(PublishedExample, 52, 20, 50_000, 7);
        var second = QueueSimulation.Run(PublishedExample, 52, 20, 50_000, 8);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Simulation_CountsEveryArrivalAsAnsweredOrAbandoned()
    {
        var result = QueueSimulation.Run(PublishedExample, 45, 20, 100_000, Seed, 60, WarmUp);

        Assert.Equal(100_000, result.Arrivals);
        Assert.Equal(result.Arrivals, result.Answered + result.Abandoned);
        Assert.True(result.Abandoned > 0);
    }
}
