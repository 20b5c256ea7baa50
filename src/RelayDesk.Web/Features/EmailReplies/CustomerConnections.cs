using System.Collections.Concurrent;

namespace RelayDesk.Web.Features.EmailReplies;

/// <summary>
/// Which conversations have a customer connected to the customer hub on this instance. An agent's reply is e-mailed
/// only to customers who are not in the chat; with several instances a customer connected elsewhere counts as away
/// here, so they may get a mail they did not need rather than miss a reply.
/// </summary>
public sealed class CustomerConnections
{
    private readonly ConcurrentDictionary<Guid, int> _counts = new();

    public void Connected(Guid conversationId) => _counts.AddOrUpdate(conversationId, 1, (_, count) => count + 1);

    public void Disconnected(Guid conversationId)
    {
        if (_counts.AddOrUpdate(conversationId, 0, (_, count) => Math.Max(0, count - 1)) == 0)
        {
            _counts.TryRemove(new KeyValuePair<Guid, int>(conversationId, 0));
        }
    }

    public bool IsConnected(Guid conversationId) => _counts.TryGetValue(conversationId, out var count) && count > 0;
}
