using Microsoft.AspNetCore.SignalR;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.Routing;

namespace RelayDesk.Web.Hubs;

/// <summary>What the server pushes to agents' workspaces, under the event names the README documents.</summary>
public interface IAgentClient
{
    /// <summary>The queue changed (a conversation joined or left it); carries the whole queue in order.</summary>
    [HubMethodName("queueChanged")]
    Task QueueChanged(IReadOnlyList<QueueItem> queue);

    /// <summary>A new transcript line in a conversation the agent watches.</summary>
    [HubMethodName("message")]
    Task Message(Guid conversationId, MessageView message);

    /// <summary>A watched conversation changed state.</summary>
    [HubMethodName("conversationUpdated")]
    Task ConversationUpdated(ConversationSummary conversation);

    /// <summary>A conversation is offered to this agent: accept before <see cref="OfferView.ExpiresAt"/> or it goes to the next agent.</summary>
    [HubMethodName("offered")]
    Task Offered(OfferView offer);

    /// <summary>An offer to this agent ended without them (expired, or the conversation was taken otherwise).</summary>
    [HubMethodName("offerEnded")]
    Task OfferEnded(Guid offerId, string outcome);
}
