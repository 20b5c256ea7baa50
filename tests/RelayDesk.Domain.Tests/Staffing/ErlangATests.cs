using System;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class ErlangATests
{
    private static readonly ContactLoad PublishedExample = ContactLoad.PerInterval(360, 1800, 240);

    [Theory]
    [InlineData(55, 15.0)]
    [InlineData(55, 20.0)]
    [InlineData(52, 30.0)]
    [InlineData(60, 10.0)]
    public void ErlangA_WithVeryLargePatience_ConvergesToErlangC(int agents, double answerWithinSeconds)
    {
        var erlangC = ErlangC.Evaluate(PublishedExample, agents, answerWithinSeconds);
        var erlangA = ErlangA.Evaluate(PublishedExample, agents, 1e7, answerWithinSeconds);

        Assert.Equal(erlangC.ServiceLevel, erlangA.ServiceLevel, 0.005);
        Assert.Equal(erlangC.ProbabilityOfWait, erlangA.ProbabilityOfWait, 0.005);
        Assert.Equal(erlangC.AverageSpeedOfAnswerSeconds, erlangA.AverageSpeedOfAnswerSeconds, 0.05);
        Assert.True(erlangA.ProbabilityOfAbandon < 1e-5);
    }

    [Fact]
    public void ErlangA_With10ErlangsOn12AgentsAndVeryLargePatience_HasErlangCWaitProbability()
    {
        var load = ContactLoad.FromOfferedLoad(10, 180);

        Assert.Equal(0.4494, ErlangA.Evaluate(load, 12, 1e8, 20).ProbabilityOfWait, 0.0005);
    }

    [Fact]
    public void ErlangA_WithThreeMinutePatience_AbandonsSomeAndBeatsErlangCServiceLevelAtEqualAgents()
    {
        var erlangC = ErlangC.Evaluate(PublishedExample, 55, 15);
        var erlangA = ErlangA.Evaluate(PublishedExample, 55, 180, 15);

        Assert.True(erlangA.ProbabilityOfAbandon > 0.01, $"P(abandon) = {erlangA.ProbabilityOfAbandon}");
        Assert.True(erlangA.ServiceLevel > erlangC.ServiceLevel + 0.05, $"SL A {erlangA.ServiceLevel} vs C {erlangC.ServiceLevel}");
        Assert.True(erlangA.ProbabilityOfWait < erlangC.ProbabilityOfWait);
        Assert.True(erlangA.AverageSpeedOfAnswerSeconds < erlangC.AverageSpeedOfAnswerSeconds);
    }

    [Fact]
    public void ErlangA_ForPublishedExampleWithThreeMinutePatience_PinsItsFigures()
    {
        // Regression pins for the exact computation (checked against simulation in QueueSimulationTests).
        var result = ErlangA.Evaluate(PublishedExample, 55, 180, 15);

        Assert.Equal(0.16381, result.ProbabilityOfWait, 0.00001);
        Assert.Equal(0.014347, result.ProbabilityOfAbandon, 0.000001);
        Assert.Equal(0.92253, result.ServiceLevel, 0.00001);
        Assert.Equal(2.4188, result.AverageSpeedOfAnswerSeconds, 0.0001);
    }

    [Theory]
    [InlineData(55, 180.0)]
    [InlineData(50, 60.0)]
    [InlineData(44, 120.0)]
    [InlineData(30, 30.0)]
    [InlineData(60, 1e6)]
    public void ServiceLevelWithUnlimitedThreshold_EqualsShareNotAbandoning(int agents, double meanPatienceSeconds)
    {
        // SL(∞) comes from integrating the offered-wait density, P(abandon) from the birth–death chain:
        // two independent routes that must meet.
        var result = ErlangA.Evaluate(PublishedExample, agents, meanPatienceSeconds, 1e9);

        Assert.Equal(1 - result.ProbabilityOfAbandon, result.ServiceLevel, 1e-9);
    }

    [Theory]
    [InlineData(55, 180.0)]
    [InlineData(44, 120.0)]
    public void AbandonmentRate_EqualsPatienceRateTimesQueueLengthOverArrivalRate(int agents, double meanPatienceSeconds)
    {
        var result = ErlangA.Evaluate(PublishedExample, agents, meanPatienceSeconds, 20);

        var viaLittlesLaw = result.AverageQueueLength / meanPatienceSeconds / PublishedExample.ArrivalRatePerSecond;
        Assert.Equal(viaLittlesLaw, result.ProbabilityOfAbandon, 1e-12);
        Assert.Equal(result.AverageQueueLength / PublishedExample.ArrivalRatePerSecond, result.AverageWaitAllContactsSeconds, 1e-9);
    }

    [Fact]
    public void ErlangA_WhenHeavilyOverloadedWithPatientCustomers_AnswersAboutAgentCapacity()
    {
        // 48 erlangs on 40 agents: agents can only do 40 erlangs of work, so about 1 − 40/48 abandon.
        var result = ErlangA.Evaluate(PublishedExample, 40, 1e5, 20);

        Assert.Equal(1 - (40.0 / 48), result.ProbabilityOfAbandon, 0.005);
        Assert.True(result.ProbabilityOfWait > 0.99);
        Assert.True(result.Occupancy > 0.99 && result.Occupancy <= 1);
        Assert.True(double.IsFinite(result.AverageSpeedOfAnswerSeconds));
    }

    [Fact]
    public void ErlangA_ForAVeryLargeQueue_StaysFiniteAndConsistent()
    {
        var load = ContactLoad.FromOfferedLoad(5_000, 240);

        foreach (var agents in new[] { 4_800, 5_000, 5_050, 5_300 })
        {
            var result = ErlangA.Evaluate(load, agents, 300, 20);

            Assert.InRange(result.ProbabilityOfWait, 0, 1);
            Assert.InRange(result.ProbabilityOfAbandon, 0, 1);
            Assert.InRange(result.ServiceLevel, 0, 1);
            Assert.True(double.IsFinite(result.AverageSpeedOfAnswerSeconds));
            Assert.Equal(
                1 - result.ProbabilityOfAbandon,
                ErlangA.Evaluate(load, agents, 300, 1e9).ServiceLevel,
                1e-9);
        }
    }

    [Fact]
    public void ServiceLevel_RisesWithEveryAddedAgent()
    {
        var previous = 0.0;
        for (var agents = 30; agents <= 70; agents++)
        {
            var serviceLevel = ErlangA.ServiceLevel(PublishedExample, agents, 180, 20);
            Assert.True(serviceLevel > previous, $"SL({agents}) = {serviceLevel} did not rise above {previous}");
            previous = serviceLevel;
        }
    }

    [Fact]
    public void RequiredAgents_ForPublishedExampleAt80Over20_IsTheFirstLevelThatMeetsTheTarget()
    {
        var agents = ErlangA.RequiredAgents(PublishedExample, 180, 0.80, 20);

        Assert.Equal(50, agents);
        Assert.True(ErlangA.ServiceLevel(PublishedExample, agents, 180, 20) >= 0.80);
        Assert.True(ErlangA.ServiceLevel(PublishedExample, agents - 1, 180, 20) < 0.80);
        Assert.True(agents < ErlangC.RequiredAgents(PublishedExample, 0.80, 20));
    }

    [Fact]
    public void RequiredAgents_WithAbandonmentCap_AddsAgentsUntilAbandonmentIsUnderTheCap()
    {
        var agents = ErlangA.RequiredAgents(PublishedExample, 180, 0.80, 20, maxAbandonRate: 0.02);

        Assert.True(ErlangA.Evaluate(PublishedExample, agents, 180, 20).ProbabilityOfAbandon <= 0.02);
        Assert.True(ErlangA.Evaluate(PublishedExample, agents - 1, 180, 20).ProbabilityOfAbandon > 0.02);
    }

    [Fact]
    public void RequiredAgents_For5000Erlangs_IsTheSmallestThatMeetsTheTarget()
    {
        var load = ContactLoad.FromOfferedLoad(5_000, 240);

        var agents = ErlangA.RequiredAgents(load, 300, 0.80, 20);

        Assert.True(ErlangA.ServiceLevel(load, agents, 300, 20) >= 0.80);
        Assert.True(ErlangA.ServiceLevel(load, agents - 1, 300, 20) < 0.80);
    }

    [Fact]
    public void Evaluate_WithNoAgents_AbandonsEveryone()
    {
        var result = ErlangA.Evaluate(PublishedExample, 0, 120, 20);

        Assert.Equal(1, result.ProbabilityOfAbandon);
        Assert.Equal(0, result.ServiceLevel);
        Assert.Equal(120, result.AverageWaitAllContactsSeconds);
    }

    [Fact]
    public void Evaluate_WithNoTraffic_HasNobodyWaiting()
    {
        var result = ErlangA.Evaluate(new ContactLoad(0, 240), 5, 120, 20);

        Assert.Equal(0, result.ProbabilityOfWait);
        Assert.Equal(1, result.ServiceLevel);
        Assert.Equal(0, ErlangA.RequiredAgents(new ContactLoad(0, 240), 120, 0.8, 20));
    }
}
