using RelayDesk.Domain.Routing;
using static RelayDesk.Domain.Tests.Routing.RoutingBuilders;

namespace RelayDesk.Domain.Tests.Routing;

public class TeamRoutingTests
{
    [Fact]
    public void NextAssignment_ForACaseHandedToATeam_GoesOnlyToThatTeamsAgent()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("desk-idle", "disputes", team: "desk", idleMinutesAgo: 60));
        board.SetAgent(Agent("hardship-busy", "disputes", team: "hardship", load: 2));
        board.Enqueue(Case(1, skills: "disputes", team: "hardship"));

        var decision = board.NextAssignment(T0);

        Assert.Equal("hardship-busy", decision!.AgentId);
        Assert.Contains("team hardship", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void NextAssignment_WhenTheTeamHasNobodyQualified_LeavesTheCaseQueued()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("desk", "disputes", team: "desk"));
        board.SetAgent(Agent("hardship-no-skill", "payments", team: "hardship"));
        board.SetAgent(Agent("hardship-full", "disputes", team: "hardship", load: 3));
        board.Enqueue(Case(1, skills: "disputes", team: "hardship"));

        Assert.Null(board.NextAssignment(T0));
        Assert.Equal(new WaitInputs(1, 1, 3, 0), board.WaitInputsFor(IdOf(1)));
    }

    [Fact]
    public void NextAssignment_CasesForTheWholeDesk_StillGoToAnyTeam()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("hardship", team: "hardship"));
        board.Enqueue(Case(1));

        Assert.Equal("hardship", board.NextAssignment(T0)!.AgentId);
    }

    [Fact]
    public void NextFor_AnAgentOfAnotherTeam_DoesNotPickTheTeamsCase()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("desk", team: "desk"));
        board.SetAgent(Agent("hardship", team: "hardship"));
        board.Enqueue(Case(1, requestedMinutesAgo: 10, team: "hardship"));
        board.Enqueue(Case(2, requestedMinutesAgo: 1));

        Assert.Equal(IdOf(2), board.NextFor("desk", T0)!.ConversationId);
        Assert.Equal(IdOf(1), board.NextFor("hardship", T0)!.ConversationId);
    }

    [Fact]
    public void MovingAnAgentToTheTeam_MakesThemEligible()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("anna", team: "desk"));
        board.Enqueue(Case(1, team: "hardship"));
        Assert.Null(board.NextAssignment(T0));

        board.SetAgent(Agent("anna", team: "hardship"));

        Assert.Equal("anna", board.NextAssignment(T0)!.AgentId);
    }

    [Fact]
    public void Explain_ForACaseHandedToATeam_SaysWhoMayTakeIt()
    {
        var board = new RoutingBoard();
        board.Enqueue(Case(1, team: "hardship"));
        board.Enqueue(Case(2));

        Assert.Contains("Handed to team hardship", board.Explain(IdOf(1), T0), StringComparison.Ordinal);
        Assert.DoesNotContain("team", board.Explain(IdOf(2), T0), StringComparison.Ordinal);
        Assert.Equal("hardship", board.TeamOf(IdOf(1)));
        Assert.Null(board.TeamOf(IdOf(2)));
    }

    [Fact]
    public void Positions_TeamCasesDoNotHoldUpCasesNoTeamAgentCouldTake()
    {
        var board = new RoutingBoard();
        board.SetAgent(Agent("desk", team: "desk"));
        board.SetAgent(Agent("hardship", team: "hardship"));
        board.Enqueue(Case(1, requestedMinutesAgo: 10, team: "hardship"));
        board.Enqueue(Case(2, requestedMinutesAgo: 5, team: "desk"));

        var positions = board.Positions();

        Assert.Equal(1, positions[IdOf(1)]);
        Assert.Equal(1, positions[IdOf(2)]);
    }
}
