using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RelayDesk.Web.Auth;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Hubs;

/// <summary>The agents' real-time channel: the live queue, open conversations, and the same commands as the staff API.</summary>
[Authorize(Policy = Policies.Agent)]
public sealed class AgentHub(
    CurrentAgent currentAgent,
    AgentQueries queries,
    GetAgentConversation getConversation,
    AcceptConversation accept,
    SendAgentMessage send,
    ResolveConversation resolve) : Hub<IAgentClient>
{
    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agents, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

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
