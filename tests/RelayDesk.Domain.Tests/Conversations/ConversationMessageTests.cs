using RelayDesk.Domain.Conversations;

namespace RelayDesk.Domain.Tests.Conversations;

public class ConversationMessageTests
{
    private static readonly DateTimeOffset Now = ConversationBuilder.T0.AddHours(1);

    [Fact]
    public void Append_NumbersMessagesWithoutGaps()
    {
        var conversation = new ConversationBuilder().Build();

        var first = conversation.Append(MessageAuthor.Customer, "When is my next payment?", Now, "c-1");
        var second = conversation.Append(MessageAuthor.Assistant, "On 1 December.", Now);

        Assert.Equal(2, first.Message.Seq);
        Assert.Equal(3, second.Message.Seq);
        Assert.Equal(3, conversation.LastSeq);
        Assert.Equal([1L, 2L, 3L], conversation.Messages.Select(m => m.Seq));
    }

    [Fact]
    public void Append_WithAClientIdSeenBefore_ReturnsTheFirstMessageAndStoresNothing()
    {
        var conversation = new ConversationBuilder().Build();
        var original = conversation.Append(MessageAuthor.Customer, "Pause my invoice please", Now, "retry-me");
        conversation.TakeDomainEvents();

        var retry = conversation.Append(MessageAuthor.Customer, "Pause my invoice please", Now.AddSeconds(5), "retry-me");

        Assert.True(retry.Duplicate);
        Assert.False(original.Duplicate);
        Assert.Same(original.Message, retry.Message);
        Assert.Equal(2, conversation.Messages.Count);
        Assert.Empty(conversation.DomainEvents);
    }

    [Fact]
    public void Append_ARetryAfterTheConversationClosed_StillReturnsTheOriginalAcknowledgement()
    {
        var conversation = new ConversationBuilder().Build();
        var original = conversation.Append(MessageAuthor.Customer, "bye", Now, "last");
        conversation.Close(Now);

        var retry = conversation.Append(MessageAuthor.Customer, "bye", Now, "last");

        Assert.True(retry.Duplicate);
        Assert.Equal(original.Message.Seq, retry.Message.Seq);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Append_EmptyText_IsRefusedAndChangesNothing(string? text)
    {
        var conversation = new ConversationBuilder().Build();

        var error = Assert.Throws<DomainException>(() => conversation.Append(MessageAuthor.Customer, text, Now, "x"));

        Assert.Equal("message.empty", error.Code);
        Assert.Single(conversation.Messages);
    }

    [Fact]
    public void Append_TextOverTheLimit_IsRefused_ButTheLimitItselfIsAccepted()
    {
        var conversation = new ConversationBuilder().Build();

        var error = Assert.Throws<DomainException>(() =>
            conversation.Append(MessageAuthor.Customer, new string('a', Message.MaxTextLength + 1), Now));
        var atLimit = conversation.Append(MessageAuthor.Customer, new string('a', Message.MaxTextLength), Now);

        Assert.Equal("message.too_long", error.Code);
        Assert.Equal(Message.MaxTextLength, atLimit.Message.Text.Length);
    }

    [Fact]
    public void Append_AnOverlongClientId_IsRefused()
    {
        var conversation = new ConversationBuilder().Build();

        var error = Assert.Throws<DomainException>(() =>
            conversation.Append(MessageAuthor.Customer, "hi", Now, new string('x', Message.MaxClientMessageIdLength + 1)));

        Assert.Equal("message.client_id_invalid", error.Code);
    }

    [Fact]
    public void Append_ByAnAgentBeforeAccepting_IsRefused()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Queued).Build();

        var error = Assert.Throws<DomainException>(() =>
            conversation.Append(MessageAuthor.Agent, "Hi, I'm Anna", Now, authorId: "agent-1"));

        Assert.Equal("conversation.not_assigned", error.Code);
    }

    [Fact]
    public void Append_ByAnAgentWhoDoesNotHaveTheConversation_IsRefused()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Assigned).AssignedTo("agent-1").Build();

        var error = Assert.Throws<DomainException>(() =>
            conversation.Append(MessageAuthor.Agent, "Hi", Now, authorId: "agent-2"));

        Assert.Equal("conversation.not_your_conversation", error.Code);
    }

    [Fact]
    public void Append_ByTheAssistantAfterAHandOff_IsRefused()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Queued).Build();

        Assert.Throws<DomainException>(() => conversation.Append(MessageAuthor.Assistant, "Here's an answer", Now));
    }

    [Fact]
    public void Append_ByTheCustomerWhileWaiting_IsStored()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Queued).Build();

        var result = conversation.Append(MessageAuthor.Customer, "Still here", Now);

        Assert.False(result.Duplicate);
        Assert.Equal(ConversationState.Queued, conversation.State);
    }

    [Fact]
    public void Append_ByTheCustomerAfterResolution_AsksThemToReopen()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Resolved).Build();

        var error = Assert.Throws<DomainException>(() => conversation.Append(MessageAuthor.Customer, "one more thing", Now));

        Assert.Equal("conversation.resolved", error.Code);
    }
}
