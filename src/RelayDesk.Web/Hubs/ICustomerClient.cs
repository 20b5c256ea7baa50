using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Hubs;

/// <summary>What the server pushes to a customer's widget.</summary>
public interface ICustomerClient
{
    Task Message(MessageView message);

    Task ConversationUpdated(ConversationView conversation);
}
