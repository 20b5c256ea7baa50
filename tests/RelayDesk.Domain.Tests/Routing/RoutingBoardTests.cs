using RelayDesk.Domain.Escalation;
using RelayDesk.Domain.Routing;
using static RelayDesk.Domain.Tests.Routing.RoutingBuilders;

namespace RelayDesk.Domain.Tests.Routing;

public class RoutingBoardTests
{
    [Fact]
    public void NextAssignment_OnlyGoesToAnAgentWithEverySkillAndTheLanguage()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("payments-only", "payments"));
        board.SetAgent(Agent("german-fraud", "fraud,payments", languages: "de"));
        board.SetAgent(Agent("english-fraud", "fraud,payments", languages: "en"));
        board.Enqueue(Case(1, skills: "fraud,payments", language: "en"));

        var decision = board.NextAssignment(T0);

        Assert.Equal("english-fraud", decision!.AgentId);
    }

    [Fact]
    public void NextAssignment_WhenAllQualifiedAgentsAreAtCapacity_LeavesTheCaseQueued()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("full", "disputes", load: 3));
        board.SetAgent(Agent("unqualified", "payments"));
        board.Enqueue(Case(1, skills: "disputes"));

        Assert.Null(board.NextAssignment(T0));
    }

    [Fact]
    public void NextAssignment_SkipsAwayAndOfflineAgents()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("away", presence: Presence.Away));
        board.SetAgent(Agent("offline", presence: Presence.Offline));
        board.Enqueue(Case(1));

        Assert.Null(board.NextAssignment(T0));
    }

    [Fact]
    public void NextAssignment_PrefersTheLeastLoaded_ThenTheHigherSkillLevel_ThenTheLongestIdle()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("busy-expert", "returns:5", load: 2, idleMinutesAgo: 60));
        board.SetAgent(Agent("free-novice", "returns:1", load: 1, idleMinutesAgo: 50));
        board.SetAgent(Agent("free-expert-recent", "returns:4", load: 1, idleMinutesAgo: 1));
        board.SetAgent(Agent("free-expert-idle", "returns:4", load: 1, idleMinutesAgo: 30));
        board.Enqueue(Case(1, skills: "returns"));

        Assert.Equal("free-expert-idle", board.NextAssignment(T0)!.AgentId);
    }

    [Fact]
    public void UrgentCases_AreServedFirst_EvenWhenOthersWaitedLonger()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("a"));
        board.Enqueue(Case(1, requestedMinutesAgo: 60));
        board.Enqueue(Case(2, EscalationPriority.High, requestedMinutesAgo: 30));
        board.Enqueue(Case(3, EscalationPriority.Urgent, requestedMinutesAgo: 0));

        Assert.Equal(IdOf(3), board.NextAssignment(T0)!.ConversationId);
        Assert.Equal([IdOf(3), IdOf(1), IdOf(2)], board.InOrder().Select(c => c.Id));
    }

    [Fact]
    public void Aging_ANormalCaseThatWaitedLongerThanTheHeadStart_RisesAboveANewHighCase()
    {
        var board = new RoutingBoard(new QueueOrder(TimeSpan.FromMinutes(5)));
        board.Enqueue(Case(1, requestedMinutesAgo: 4));
        board.Enqueue(Case(2, EscalationPriority.High, requestedMinutesAgo: 0));
        board.Enqueue(Case(3, requestedMinutesAgo: 6));

        Assert.Equal([IdOf(3), IdOf(2), IdOf(1)], board.InOrder().Select(c => c.Id));
    }

    [Fact]
    public void NextAssignment_SkipsACaseNobodyCanTake_AndServesTheNextOne()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("payments", "payments"));
        board.Enqueue(Case(1, EscalationPriority.Urgent, skills: "hardship"));
        board.Enqueue(Case(2, skills: "payments", requestedMinutesAgo: 1));

        Assert.Equal(IdOf(2), board.NextAssignment(T0)!.ConversationId);
    }

    [Fact]
    public void NextAssignment_DoesNotOfferACaseAgainToAnAgentWhoLetItPass()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("a", idleMinutesAgo: 10));
        board.SetAgent(Agent("b", idleMinutesAgo: 1));
        board.Enqueue(Case(1) with { PassedBy = new HashSet<string> { "a" } });

        Assert.Equal("b", board.NextAssignment(T0)!.AgentId);
    }

    [Fact]
    public void Decision_ExplainsWhyThisCaseIsNext()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("a"));
        board.Enqueue(Case(1, EscalationPriority.High, requestedMinutesAgo: 2));

        var why = board.NextAssignment(T0)!.Why;

        Assert.Contains("High priority counts as 5m00s of extra waiting; waiting 2m00s", why, StringComparison.Ordinal);
        Assert.Contains("Agent a: 0 of 3 chats", why, StringComparison.Ordinal);
    }

    [Fact]
    public void NextFor_GivesAPullingAgentTheFirstCaseTheyAreQualifiedFor()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("returns", "returns", presence: Presence.Away));
        board.Enqueue(Case(1, skills: "fraud", requestedMinutesAgo: 10));
        board.Enqueue(Case(2, skills: "returns", requestedMinutesAgo: 5));

        Assert.Equal(IdOf(2), board.NextFor("returns", T0)!.ConversationId);
    }

    [Fact]
    public void Positions_CountOnlyCasesThatCompeteForTheSamePeople()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("fraud", "fraud", languages: "de"));
        board.SetAgent(Agent("general", languages: "en"));
        board.Enqueue(Case(1, skills: "fraud", language: "de", requestedMinutesAgo: 10));
        board.Enqueue(Case(2, language: "en", requestedMinutesAgo: 5));
        board.Enqueue(Case(3, language: "en", requestedMinutesAgo: 1));

        var positions = board.Positions();

        Assert.Equal(1, positions[IdOf(1)]);
        Assert.Equal(1, positions[IdOf(2)]);
        Assert.Equal(2, positions[IdOf(3)]);
    }

    [Fact]
    public void WaitInputs_CountQualifiedOnlineAgentsAndTheirFreeSlots()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("a", "payments", load: 2));
        board.SetAgent(Agent("b", "payments", load: 3, capacity: 3));
        board.SetAgent(Agent("c", "payments", presence: Presence.Offline));
        board.Enqueue(Case(1, skills: "payments"));

        Assert.Equal(new WaitInputs(1, 2, 6, 1), board.WaitInputsFor(IdOf(1)));
    }

    [Fact]
    public void Remove_TakesTheCaseOutOfItsQueue()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("a"));
        board.Enqueue(Case(1));

        Assert.True(board.Remove(IdOf(1)));
        Assert.Null(board.NextAssignment(T0));
        Assert.Equal(0, board.QueuedCount);
    }
}
