using System.Threading.Channels;

namespace RelayDesk.Web.Features.Routing;

/// <summary>Nudges the routing dispatcher to run a pass now (something changed: a request, a presence, an answer).</summary>
public sealed class RoutingSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Poke() => _channel.Writer.TryWrite(true);

    internal ChannelReader<bool> Reader => _channel.Reader;
}
