using Microsoft.AspNetCore.SignalR.Client;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Hubs;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Accounts;

/// <summary>A customer in their chat over the customer hub, asking the assistant and reading its answers.</summary>
internal sealed record CustomerChat(Guid ConversationId, HubConnection Connection, EventInbox<MessageView> Messages)
{
    /// <summary>Joins the conversation over the customer hub; the connection goes into <paramref name="opened"/> for the test to dispose.</summary>
    public static async Task<CustomerChat> ConnectAsync(RelayDeskFactory factory, Guid conversationId, string token, ICollection<HubConnection> opened)
    {
        var messages = new EventInbox<MessageView>();
        var connection = factory.Hub("/hubs/customer", token);
        connection.On<MessageView>("message", messages.Add);
        await connection.StartAsync();
        opened.Add(connection);
        await connection.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), 0L);
        return new CustomerChat(conversationId, connection, messages);
    }

    public async Task<string> AskAsync(string text)
    {
        var ack = await Connection.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), Guid.NewGuid().ToString("N"), text);
        var reply = await Messages.WaitForAsync(m => m.Author != "customer" && m.Seq > ack.Seq);
        Assert.True(reply.Author == "assistant", $"Expected the assistant to answer, got {reply.Author}: {reply.Text}");
        return reply.Text;
    }
}
