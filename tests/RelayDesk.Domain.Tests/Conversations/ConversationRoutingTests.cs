using RelayDesk.Domain.Conversations;

namespace RelayDesk.Domain.Tests.Conversations;

public class ConversationRoutingTests
{
    private static readonly DateTimeOffset Later = ConversationBuilder.T0.AddMinutes(5);

    [Fact]
    public void ReturnToQueue_FromAssigned_QueuesAgainAndKeepsTheRequestTime()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).AssignedTo("anna").Build();
        var requestedAt = conversation.HumanRequestedAt;

        conversation.ReturnToQueue(Later);

        Assert.Equal(ConversationState.Queued, conversation.State);
        Assert.Null(conversation.AssignedAgentId);
        Assert.Equal(requestedAt, conversation.HumanRequestedAt);
        Assert.IsType<ConversationReturnedToQueue>(conversation.DomainEvents[^1]);
    }

    [Fact]
    public void TransferToTeam_QueuesForThatTeam_AndKeepsTheTeamUntilHandedToAnAgent()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).AssignedTo("anna").Build();

        conversation.TransferToTeam("anna", "hardship", Later);

        Assert.Equal(ConversationState.Queued, conversation.State);
        Assert.Equal("hardship", conversation.TeamId);
        Assert.IsType<ConversationReturnedToQueue>(conversation.DomainEvents[^1]);

        conversation.Assign("ben", "Ben Wagner", Later);
        Assert.Equal("hardship", conversation.TeamId);
        conversation.Transfer(null, "carla", "Carla Roth", Later);
        Assert.Null(conversation.TeamId);
    }

    [Fact]
    public void TransferToTeam_OfAWaitingConversation_BySupervisor_KeepsItsPlace_ButNotByAnAgent()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Queued).Build();
        var queuedAt = conversation.QueuedAt;

        Assert.Throws<DomainException>(() => conversation.TransferToTeam("anna", "hardship", Later));
        conversation.TransferToTeam(null, "hardship", Later);

        Assert.Equal(ConversationState.Queued, conversation.State);
        Assert.Equal(queuedAt, conversation.QueuedAt);
        Assert.Equal("hardship", conversation.TeamId);
        Assert.Equal(new ConversationHandedToTeam(conversation.Id, "hardship", Later), conversation.DomainEvents[^1]);
    }

    [Fact]
    public void TransferToTeam_ByAnAgentWhoDoesNotHaveIt_IsRefused()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).AssignedTo("anna").Build();

        Assert.Throws<DomainException>(() => conversation.TransferToTeam("ben", "hardship", Later));
        Assert.Null(conversation.TeamId);
    }

    [Fact]
    public void ReturnToQueue_WhenNotAssigned_IsRefused()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Queued).Build();

        Assert.Throws<DomainException>(() => conversation.ReturnToQueue(Later));
    }

    [Fact]
    public void Transfer_ByTheAssignedAgent_MovesTheChat()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).AssignedTo("anna").Build();

        conversation.Transfer("anna", "ben", "Ben Wagner", Later);

        Assert.Equal("ben", conversation.AssignedAgentId);
        Assert.Equal(Later, conversation.AssignedAt);
        Assert.Equal(new ConversationTransferred(conversation.Id, "anna", "ben", Later), conversation.DomainEvents[^1]);
    }

    [Fact]
    public void Transfer_ByAnotherAgent_IsRefused_ButASupervisorMayMoveIt()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).AssignedTo("anna").Build();

        var refused = Assert.Throws<DomainException>(() => conversation.Transfer("clara", "ben", "Ben Wagner", Later));
        Assert.Equal("conversation.not_your_conversation", refused.Code);
        conversation.Transfer(null, "ben", "Ben Wagner", Later);
        Assert.Equal("ben", conversation.AssignedAgentId);
    }

    [Fact]
    public void Transfer_ToTheSameAgent_IsRefused()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).AssignedTo("anna").Build();

        Assert.Equal("conversation.transfer_to_same_agent",
            Assert.Throws<DomainException>(() => conversation.Transfer(null, "anna", "Anna", Later)).Code);
    }
}
