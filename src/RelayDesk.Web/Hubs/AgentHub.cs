using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RelayDesk.Web.Auth;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.Routing;

namespace RelayDesk.Web.Hubs;

/// <summary>The agents' real-time channel: the live queue, open conversations, and the same commands as the staff API.</summary>
[Authorize(Policy = Policies.Agent)]
public sealed class AgentHub(
    CurrentAgent currentAgent,
    AgentQueries queries,
    GetAgentConversation getConversation,
    AcceptConversation accept,
    SendAgentMessage send,
    ResolveConversation resolve,
    SetPresence presence,
    AnswerOffer offers,
    PresenceTracker presenceTracker) : Hub<IAgentClient>
{
    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agents, Context.ConnectionAborted);
        if (Context.UserIdentifier is { } agentId)
        {
            await presenceTracker.ConnectedAsync(agentId, Context.ConnectionId, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    /// <summary>The last workspace connection of an online agent is gone: after the grace period they count as offline.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.UserIdentifier is { } agentId)
        {
            await presenceTracker.DisconnectedAsync(agentId, Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    public async Task<SetPresence.PresenceView> SetPresence(string status) =>
        await presence.HandleAsync((await Me()).Id, new SetPresence.Request(status), Context.ConnectionAborted);

    public async Task<OfferList> GetOffers() => await offers.PendingAsync((await Me()).Id, Context.ConnectionAborted);

    public async Task<ConversationDetail> AcceptOffer(Guid offerId)
    {
        var detail = await offers.AcceptAsync(offerId, await Me(), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Watchers(detail.Id), Context.ConnectionAborted);
        return detail;
    }

    public async Task<OfferView> DeclineOffer(Guid offerId) => await offers.DeclineAsync(offerId, await Me(), Context.ConnectionAborted);

    public Task<IReadOnlyList<QueueItem>> GetQueue() => queries.QueueAsync(Context.ConnectionAborted);

    /// <summary>Opens a conversation: returns its transcript and streams what follows.</summary>
    public async Task<ConversationDetail> Watch(Guid conversationId)
    {
        var detail = await getConversation.HandleAsync(conversationId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Watchers(conversationId), Context.ConnectionAborted);
        return detail;
    }

    public async Task<ConversationDetail> Accept(Guid conversationId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Watchers(conversationId), Context.ConnectionAborted);
        return await accept.HandleAsync(conversationId, await Me(), Context.ConnectionAborted);
    }

    public async Task<MessageAck> SendMessage(Guid conversationId, string? clientMessageId, string? text) =>
        await send.HandleAsync(conversationId, new SendMessage.Request(clientMessageId, text), await Me(), Context.ConnectionAborted);

    public async Task<ConversationDetail> Resolve(Guid conversationId) =>
        await resolve.HandleAsync(conversationId, await Me(), Context.ConnectionAborted);

    private Task<StaffMember> Me() => currentAgent.ResolveAsync(Context.User!);
}
