using System.Threading.Channels;

namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>Conversations whose latest customer message awaits the assistant. Fed after the message commits.</summary>
public sealed class AssistantInbox
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(Guid conversationId) => _channel.Writer.TryWrite(conversationId);

    internal ChannelReader<Guid> Reader => _channel.Reader;
}
