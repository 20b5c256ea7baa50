using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.AssistantTurns;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Tests.Features.AssistantTurns;

public sealed class RecentTranscriptsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_turn_finds_the_conversation_as_committed_with_its_whole_short_transcript()
    {
        var transcripts = new RecentTranscripts();
        var conversation = Conversation.Start(Guid.NewGuid(), "en", null, Now);
        conversation.Append(MessageAuthor.Assistant, "Hello", Now);
        transcripts.Record(Committed(conversation));
        conversation.Append(MessageAuthor.Customer, "When is my next payment?", Now, "c-1");
        transcripts.Record(Committed(conversation));

        Assert.True(transcripts.TryGet(conversation.Id, 2, out var found, out var messages));
        Assert.Same(conversation, found);
        Assert.Equal([1L, 2L], messages.Select(m => m.Seq));
        Assert.False(transcripts.TryGet(conversation.Id, 1, out _, out _)); // Not the latest committed state.
    }

    [Fact]
    public void A_gap_or_a_hand_over_sends_the_turn_to_the_database()
    {
        var transcripts = new RecentTranscripts();
        var conversation = Conversation.Start(Guid.NewGuid(), "en", null, Now);
        conversation.Append(MessageAuthor.Assistant, "Hello", Now);
        conversation.Append(MessageAuthor.Customer, "Written on another instance", Now, "c-1");
        conversation.TakeDomainEvents(); // Stored elsewhere: this instance never saw these two.
        conversation.Append(MessageAuthor.Customer, "And this here", Now, "c-2");
        transcripts.Record(Committed(conversation));
        Assert.False(transcripts.TryGet(conversation.Id, 3, out _, out _)); // Only seq 3 is known: not enough history.

        var other = Conversation.Start(Guid.NewGuid(), "en", null, Now);
        other.Append(MessageAuthor.Customer, "Agent please", Now, "c-1");
        transcripts.Record(Committed(other));
        Assert.True(transcripts.TryGet(other.Id, 1, out _, out _));
        other.RequestHuman(RelayDesk.Domain.Escalation.EscalationDecision.TurnFailed("test"), Now);
        transcripts.Record(Committed(other));
        Assert.False(transcripts.TryGet(other.Id, 1, out _, out _)); // People serve it now.
    }

    private static CommittedChange Committed(Conversation conversation)
    {
        var change = new CommittedChange(conversation);
        change.Events.AddRange(conversation.TakeDomainEvents());
        return change;
    }
}
