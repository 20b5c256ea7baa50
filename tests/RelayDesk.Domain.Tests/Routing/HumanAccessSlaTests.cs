using RelayDesk.Domain.Routing;

namespace RelayDesk.Domain.Tests.Routing;

public class HumanAccessSlaTests
{
    private static readonly DateTimeOffset T0 = RoutingBuilders.T0;
    private static readonly HumanAccessTarget Target = HumanAccessTarget.Default;

    [Theory]
    [InlineData(59, null, SlaOutcome.Met)]
    [InlineData(61, null, SlaOutcome.Breached)]
    [InlineData(null, 30, SlaOutcome.Met)]
    [InlineData(null, 31, SlaOutcome.Breached)]
    public void Evaluate_ConnectedWithin60s_OrCallbackWithin30s_MeetsTheTarget(int? connectedAfter, int? callbackAfter, SlaOutcome expected)
    {
        var record = new HumanAccessRecord(Guid.NewGuid(), T0,
            connectedAfter is { } c ? T0.AddSeconds(c) : null, callbackAfter is { } b ? T0.AddSeconds(b) : null);

        Assert.Equal(expected, Target.Evaluate(record, T0.AddMinutes(10)));
    }

    [Fact]
    public void Evaluate_StillWaitingWithinTheMinute_IsPending()
    {
        Assert.Equal(SlaOutcome.Pending, Target.Evaluate(new HumanAccessRecord(Guid.NewGuid(), T0, null, null), T0.AddSeconds(30)));
    }

    [Theory]
    [InlineData(0, 0, BreachCause.NoSkillOnShift)]
    [InlineData(0, 2, BreachCause.NoSkillOnShift)]
    [InlineData(3, 1, BreachCause.OfferTimeouts)]
    [InlineData(3, 0, BreachCause.AllBusy)]
    public void CauseOf_NamesWhyNobodyCame(int qualified, int timeouts, BreachCause expected)
    {
        Assert.Equal(expected, HumanAccessTarget.CauseOf(qualified, timeouts));
    }

    [Fact]
    public void Figures_CountMetAgainstDecidedRequests()
    {
        var records = Enumerable.Range(0, 10).Select(i => new HumanAccessRecord(Guid.NewGuid(), T0,
            i < 8 ? T0.AddSeconds(10) : null, null)).ToList();

        var figures = Target.Figures(records, T0.AddMinutes(5));

        Assert.Equal(new SlaFigures(10, 8, 2, 0, 0.8, 0.8, true), figures);
    }

    [Theory]
    [InlineData(30, SlaOutcome.Met)]
    [InlineData(31, SlaOutcome.Breached)]
    public void Evaluate_RepliesByEmailChosenWithin30s_MeetsTheTargetLikeABookedCallback(int chosenAfter, SlaOutcome expected)
    {
        var record = new HumanAccessRecord(Guid.NewGuid(), T0, null, null, T0.AddSeconds(chosenAfter));

        Assert.Equal(expected, Target.Evaluate(record, T0.AddMinutes(10)));
    }

    [Fact]
    public void Evaluate_RepliesByEmailChosenBeforeThisRequest_DoNotCountForIt()
    {
        var record = new HumanAccessRecord(Guid.NewGuid(), T0, null, null, T0.AddMinutes(-5));

        Assert.Equal(SlaOutcome.Breached, Target.Evaluate(record, T0.AddMinutes(10)));
    }

    [Fact]
    public void EmailAnswerTimes_CountChosenAndAnswered_WithTheMedianFromTheRequest()
    {
        HumanAccessRecord Chose() => new(Guid.NewGuid(), T0, null, null, T0.AddSeconds(10));
        var records = new[] { Chose(), Chose(), Chose(), Chose(), new HumanAccessRecord(Guid.NewGuid(), T0, T0.AddSeconds(5), null) };
        var answers = new Dictionary<Guid, DateTimeOffset>
        {
            [records[0].ConversationId] = T0.AddMinutes(10),
            [records[1].ConversationId] = T0.AddMinutes(30),
            [records[2].ConversationId] = T0.AddMinutes(20),
        };

        var figures = HumanAccessTarget.EmailAnswerTimes(records, r => answers.TryGetValue(r.ConversationId, out var at) ? at : null);

        Assert.Equal(new EmailAnswerFigures(4, 3, TimeSpan.FromMinutes(20)), figures);
    }
}
