using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RelayDesk.Web.Auth;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.EmailReplies;

namespace RelayDesk.Web.Hubs;

/// <summary>
/// The customer's real-time channel. The conversation comes from the token, never from the caller, so a customer can
/// only touch their own conversation. The same use cases as the HTTP API run behind each method.
/// </summary>
[Authorize(Policy = Policies.Customer)]
public sealed class CustomerHub(
    GetConversation getConversation,
    GetMessages getMessages,
    SendMessage sendMessage,
    RequestHuman requestHuman,
    CustomerConnections connections) : Hub<ICustomerClient>
{
    /// <summary>A customer in the chat reads agents' replies here; only customers who are away get them by e-mail.</summary>
    public override async Task OnConnectedAsync()
    {
        await connections.ConnectedAsync(CustomerAccess.Own(Context.User!), Context.ConnectionId, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await connections.DisconnectedAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    public sealed record JoinResult(ConversationView Conversation, IReadOnlyList<MessageView> Messages);

    /// <summary>Subscribes to live events and returns everything after <paramref name="afterSeq"/>: call on every (re)connect.</summary>
    public async Task<JoinResult> Join(long afterSeq)
    {
        var id = CustomerAccess.Own(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Customer(id), Context.ConnectionAborted);
        var messages = await getMessages.HandleAsync(id, afterSeq, Context.ConnectionAborted);
        var view = await getConversation.HandleAsync(id, Context.ConnectionAborted);
        return new JoinResult(view, messages.Messages);
    }

    public Task<MessageAck> SendMessage(string? clientMessageId, string? text) =>
        sendMessage.HandleAsync(CustomerAccess.Own(Context.User!), new SendMessage.Request(clientMessageId, text), Context.ConnectionAborted);

    public Task<ConversationView> RequestHuman() =>
        requestHuman.HandleAsync(CustomerAccess.Own(Context.User!), Context.ConnectionAborted);
}
