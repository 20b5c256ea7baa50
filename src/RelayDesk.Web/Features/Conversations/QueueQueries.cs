using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Routing;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>The customer's view of their conversation, with the honest wait from routing while it is queued.</summary>
public sealed class QueueQueries(WaitingRoom waitingRoom)
{
    public Task<ConversationView> ViewAsync(Conversation conversation, CancellationToken cancellationToken) =>
        waitingRoom.ViewAsync(conversation, cancellationToken);
}
