using Microsoft.AspNetCore.SignalR;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Hubs;

/// <summary>
/// What the server pushes to a customer's widget, under the event names the README documents (<c>message</c>,
/// <c>conversationUpdated</c>): clients that match names exactly (.NET, Java) receive them as written there.
/// </summary>
public interface ICustomerClient
{
    [HubMethodName("message")]
    Task Message(MessageView message);

    [HubMethodName("conversationUpdated")]
    Task ConversationUpdated(ConversationView conversation);
}
