using System.Threading.Channels;

namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>Conversations whose latest customer message awaits the assistant. Fed after the message commits.</summary>
public sealed class AssistantInbox
{
    private readonly Channel<AssistantWork> _channel = Channel.CreateUnbounded<AssistantWork>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>A conversation to look at (recovery): its turn is claimed before the assistant is asked.</summary>
    public void Post(Guid conversationId) => _channel.Writer.TryWrite(new AssistantWork(conversationId, null));

    /// <summary>A customer message this instance stored and claimed in the same transaction.</summary>
    public void Post(Guid conversationId, long claimedSeq) => _channel.Writer.TryWrite(new AssistantWork(conversationId, claimedSeq));

    internal ChannelReader<AssistantWork> Reader => _channel.Reader;
}

/// <param name="ConversationId">The conversation.</param>
/// <param name="ClaimedSeq">The customer message whose turn this instance already holds; null when it still has to claim it.</param>
public sealed record AssistantWork(Guid ConversationId, long? ClaimedSeq);
