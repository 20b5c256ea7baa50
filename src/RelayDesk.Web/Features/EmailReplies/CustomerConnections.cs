using RelayDesk.Data.ScaleOut;
using RelayDesk.Web.Infrastructure.ScaleOut;

namespace RelayDesk.Web.Features.EmailReplies;

/// <summary>
/// Which conversations have a customer connected to the customer hub, on any live instance (the connections are kept
/// in the shared database). An agent's reply is e-mailed only to customers who are not in the chat.
/// </summary>
public sealed class CustomerConnections(ConnectionRegistry registry)
{
    public Task ConnectedAsync(Guid conversationId, string connectionId, CancellationToken cancellationToken) =>
        registry.AddAsync(LiveConnectionKind.Customer, conversationId.ToString("D"), connectionId, cancellationToken);

    public Task DisconnectedAsync(string connectionId) => registry.RemoveAsync(connectionId, CancellationToken.None);

    public Task<bool> IsConnectedAsync(Guid conversationId, CancellationToken cancellationToken) =>
        registry.IsConnectedAsync(LiveConnectionKind.Customer, conversationId.ToString("D"), cancellationToken);
}
