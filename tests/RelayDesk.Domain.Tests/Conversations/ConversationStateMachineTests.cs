using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Domain.Tests.Conversations;

public class ConversationStateMachineTests
{
    private static readonly DateTimeOffset Now = ConversationBuilder.T0.AddHours(1);

    [Fact]
    public void Start_BeginsWithTheAssistant_AndRecordsTheStart()
    {
        var conversation = Conversation.Start(Guid.NewGuid(), "de-AT", null, Now);

        Assert.Equal(ConversationState.Assistant, conversation.State);
        Assert.Equal("de", conversation.Language);
        Assert.IsType<ConversationStarted>(Assert.Single(conversation.DomainEvents));
    }

    [Fact]
    public void Start_InAnUnsupportedLanguage_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Conversation.Start(Guid.NewGuid(), "fr", null, Now));

        Assert.Equal("language.unsupported", error.Code);
    }

    [Fact]
    public void RequestHuman_FromTheAssistant_QueuesAndStartsTheHumanClock()
    {
        var conversation = new ConversationBuilder().Build();

        var hardship = new EscalationDecision(true, "hardship", "Financial hardship.", "lost my job", 0.9, EscalationPriority.Urgent, ["hardship"]);

        var changed = conversation.RequestHuman(hardship, Now);

        Assert.True(changed);
        Assert.Equal(ConversationState.Queued, conversation.State);
        Assert.Equal(Now, conversation.HumanRequestedAt);
        Assert.Equal(hardship, conversation.Escalation! with { Skills = hardship.Skills });
        Assert.Equal(["hardship"], conversation.Escalation!.Skills);
        Assert.Equal(EscalationPriority.Urgent, conversation.EscalationPriority);
        Assert.Contains(conversation.DomainEvents, e => e is HumanRequested);
    }

    [Theory]
    [InlineData(ConversationState.Queued)]
    [InlineData(ConversationState.Assigned)]
    public void RequestHuman_WhenAPersonIsAlreadyComing_KeepsTheConversationWhereItIs(ConversationState state)
    {
        var conversation = new ConversationBuilder().In(state).Build();
        var version = conversation.Version;

        var changed = conversation.RequestHuman(EscalationDecision.Button, Now);

        Assert.False(changed);
        Assert.Equal(state, conversation.State);
        Assert.Equal(version, conversation.Version);
    }

    [Fact]
    public void RequestHuman_AfterResolution_QueuesTheConversationAgain()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Resolved).Build();

        conversation.RequestHuman(EscalationDecision.Button, Now);

        Assert.Equal(ConversationState.Queued, conversation.State);
        Assert.Null(conversation.AssignedAgentId);
    }

    [Fact]
    public void RequestHuman_OnAClosedConversation_IsRefusedWithAClearMessage()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Closed).Build();

        var error = Assert.Throws<DomainException>(() => conversation.RequestHuman(EscalationDecision.Button, Now));

        Assert.Equal("conversation.closed", error.Code);
        Assert.Contains("new chat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_AQueuedConversation_GivesItToTheAgent()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Queued).Build();

        conversation.Assign("agent-7", "Greta", Now);

        Assert.Equal(ConversationState.Assigned, conversation.State);
        Assert.Equal("agent-7", conversation.AssignedAgentId);
        Assert.Equal("Greta", conversation.AssignedAgentName);
    }

    [Fact]
    public void Assign_WhenAnotherAgentHasIt_IsRefused()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).Build();

        var error = Assert.Throws<DomainException>(() => conversation.Assign("agent-2", "Ben", Now));

        Assert.Equal("conversation.already_assigned", error.Code);
        Assert.Equal("agent-1", conversation.AssignedAgentId);
    }

    [Theory]
    [InlineData(ConversationState.Assistant)]
    [InlineData(ConversationState.Resolved)]
    [InlineData(ConversationState.Closed)]
    public void Assign_OutsideTheQueue_IsAnIllegalTransition(ConversationState state)
    {
        var conversation = new ConversationBuilder().In(state).Build();

        Assert.Throws<DomainException>(() => conversation.Assign("agent-2", "Ben", Now));
        Assert.Equal(state, conversation.State);
    }

    [Fact]
    public void Resolve_ByTheAssignedAgent_ResolvesTheCase()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).AssignedTo("agent-3").Build();

        conversation.Resolve("agent-3", Now);

        Assert.Equal(ConversationState.Resolved, conversation.State);
        Assert.Equal(Now, conversation.ResolvedAt);
    }

    [Fact]
    public void Resolve_ByAnotherAgent_IsRefused()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).AssignedTo("agent-3").Build();

        var error = Assert.Throws<DomainException>(() => conversation.Resolve("agent-4", Now));

        Assert.Equal("conversation.not_your_conversation", error.Code);
        Assert.Equal(ConversationState.Assigned, conversation.State);
    }

    [Theory]
    [InlineData(ConversationState.Assistant)]
    [InlineData(ConversationState.Queued)]
    [InlineData(ConversationState.Resolved)]
    public void Resolve_WhenNotAssigned_IsAnIllegalTransition(ConversationState state)
    {
        var conversation = new ConversationBuilder().In(state).Build();

        var error = Assert.Throws<DomainException>(() => conversation.Resolve("agent-1", Now));

        Assert.Equal("conversation.illegal_transition", error.Code);
    }

    [Fact]
    public void Close_IsTerminal()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Resolved).Build();

        conversation.Close(Now);

        Assert.Equal(ConversationState.Closed, conversation.State);
        Assert.Throws<DomainException>(() => conversation.Close(Now));
        Assert.Throws<DomainException>(() => conversation.Append(MessageAuthor.Customer, "hello?", Now));
    }

    [Fact]
    public void TakeDomainEvents_HandsOverEachEventOnce()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Queued).Build();

        var first = conversation.TakeDomainEvents();
        var second = conversation.TakeDomainEvents();

        Assert.NotEmpty(first);
        Assert.Empty(second);
    }
}
