using System.Collections.Concurrent;
using System.Threading.Channels;

namespace RelayDesk.Web.Features.Routing;

/// <summary>Nudges the routing dispatcher to run a pass now (something changed: a request, a presence, an answer).</summary>
public sealed class RoutingSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Poke() => _channel.Writer.TryWrite(true);

    internal ChannelReader<bool> Reader => _channel.Reader;
}

/// <summary>Which agents have a live workspace connection (AgentHub), so a dropped connection can turn into offline.</summary>
public sealed class AgentConnections
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <returns>The agent's number of connections after this one.</returns>
    public int Connected(string agentId) => _counts.AddOrUpdate(agentId, 1, (_, count) => count + 1);

    /// <returns>The agent's number of connections left.</returns>
    public int Disconnected(string agentId) => _counts.AddOrUpdate(agentId, 0, (_, count) => Math.Max(0, count - 1));

    public bool IsConnected(string agentId) => _counts.TryGetValue(agentId, out var count) && count > 0;
}
