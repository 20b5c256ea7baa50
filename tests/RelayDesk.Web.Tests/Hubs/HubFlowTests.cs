using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Hubs;

public sealed class HubFlowTests : IAsyncDisposable
{
    private readonly RelayDeskFactory _factory = new();
    private readonly List<HubConnection> _connections = [];

    [Fact]
    public async Task FullFlow_OverTheHubs_CustomerAndAgentSeeEachOtherLive()
    {
        var (started, _) = await _factory.StartCustomerAsync();
        var customerMessages = new EventInbox<MessageView>();
        var customerUpdates = new EventInbox<ConversationView>();
        var customer = await ConnectAsync("/hubs/customer", started.Token, c =>
        {
            c.On<MessageView>("message", customerMessages.Add);
            c.On<ConversationView>("conversationUpdated", customerUpdates.Add);
        });
        var queueEvents = new EventInbox<IReadOnlyList<QueueItem>>();
        var agentMessages = new EventInbox<MessageView>();
        var agent = await ConnectAsync("/hubs/agent", await _factory.AgentTokenAsync(4), c =>
        {
            c.On<IReadOnlyList<QueueItem>>("queueChanged", queueEvents.Add);
            c.On<Guid, MessageView>("message", (_, m) => agentMessages.Add(m));
        });

        var joined = await customer.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), 0L);
        Assert.Equal("assistant", joined.Conversation.State);
        Assert.Equal("assistant", Assert.Single(joined.Messages).Author);

        var ack = await customer.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "c-1", "When will I get my refund?");
        var answer = await customerMessages.WaitForAsync(m => m.Author == "assistant");
        Assert.Equal(ack.Seq + 1, answer.Seq);

        await customer.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "c-2", "I'd like to talk to a real person please");
        var queued = await customerUpdates.WaitForAsync(v => v.State == "queued");
        Assert.Equal(1, queued.QueuePosition);
        var queue = await queueEvents.WaitForAsync(q => q.Any(i => i.Id == started.Id));
        Assert.Equal(started.Id, queue[0].Id);

        var detail = await agent.InvokeAsync<ConversationDetail>(nameof(AgentHub.Accept), started.Id);
        Assert.Contains(detail.Messages, m => m.Author == "assistant" && m.Seq == answer.Seq);
        var assigned = await customerUpdates.WaitForAsync(v => v.State == "assigned");
        Assert.Equal("David Hoffmann", assigned.AssignedAgent);
        await customerMessages.WaitForAsync(m => m.Author == "system" && m.Text.Contains("David Hoffmann", StringComparison.Ordinal));

        await agent.InvokeAsync<MessageAck>(nameof(AgentHub.SendMessage), started.Id, "a-1", "Hi, David here.");
        var fromAgent = await customerMessages.WaitForAsync(m => m.Author == "agent");
        Assert.Equal("Hi, David here.", fromAgent.Text);

        await customer.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "c-3", "Great, thanks");
        var toAgent = await agentMessages.WaitForAsync(m => m.Author == "customer" && m.Text == "Great, thanks");
        Assert.True(toAgent.Seq > fromAgent.Seq);

        await agent.InvokeAsync<ConversationDetail>(nameof(AgentHub.Resolve), started.Id);
        await customerUpdates.WaitForAsync(v => v.State == "resolved");
        Assert.Equal(ConversationState.Resolved, (await _factory.LoadAsync(started.Id))!.State);
    }

    [Fact]
    public async Task Reconnect_WithTheLastSeenSequenceNumber_DeliversEveryMissedMessage()
    {
        var (started, customerHttp) = await _factory.StartCustomerAsync();
        (await customerHttp.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        var first = await ConnectAsync("/hubs/customer", started.Token);
        var joined = await first.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), 0L);
        var lastSeen = joined.Messages.Max(m => m.Seq);
        await first.StopAsync();

        var agent = await _factory.AgentClientAsync();
        (await agent.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null)).EnsureSuccessStatusCode();
        await agent.PostAsync($"/api/v1/agent/conversations/{started.Id}/messages", System.Net.Http.Json.JsonContent.Create(new { clientMessageId = "m1", text = "Are you still there?" }));
        await agent.PostAsync($"/api/v1/agent/conversations/{started.Id}/messages", System.Net.Http.Json.JsonContent.Create(new { clientMessageId = "m2", text = "I can see your order." }));

        var second = await ConnectAsync("/hubs/customer", started.Token);
        var resumed = await second.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), lastSeen);

        Assert.Equal([lastSeen + 1, lastSeen + 2, lastSeen + 3], resumed.Messages.Select(m => m.Seq));
        Assert.Equal(["system", "agent", "agent"], resumed.Messages.Select(m => m.Author));
        Assert.Equal("assigned", resumed.Conversation.State);
    }

    [Fact]
    public async Task SendingAnEmptyMessageOverTheHub_IsAReadableErrorAndStoresNothing()
    {
        var (started, _) = await _factory.StartCustomerAsync();
        var customer = await ConnectAsync("/hubs/customer", started.Token);

        var empty = await Assert.ThrowsAsync<HubException>(() => customer.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "e", ""));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => customer.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "l", new string('y', 4001)));

        Assert.Contains("Message is empty.", empty.Message, StringComparison.Ordinal);
        Assert.Contains("longer than 4000", tooLong.Message, StringComparison.Ordinal);
        Assert.Single((await _factory.LoadAsync(started.Id))!.Messages);
    }

    [Fact]
    public async Task SendingTheSameClientIdTwiceOverTheHub_IsStoredOnce()
    {
        var (started, _) = await _factory.StartCustomerAsync();
        var customer = await ConnectAsync("/hubs/customer", started.Token);

        var first = await customer.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "dup", "Human please");
        var retry = await customer.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "dup", "Human please");

        Assert.Equal(first.Seq, retry.Seq);
        Assert.True(retry.Duplicate);
        Assert.Single((await _factory.LoadAsync(started.Id))!.Messages, m => m.ClientMessageId == "dup");
    }

    [Fact]
    public async Task AnAgentActionOnAClosedConversation_IsAReadableHubError()
    {
        var (started, customerHttp) = await _factory.StartCustomerAsync();
        (await customerHttp.PostAsync($"/api/v1/conversations/{started.Id}/close", null)).EnsureSuccessStatusCode();
        var agent = await ConnectAsync("/hubs/agent", await _factory.AgentTokenAsync());

        var error = await Assert.ThrowsAsync<HubException>(() => agent.InvokeAsync<ConversationDetail>(nameof(AgentHub.Accept), started.Id));

        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAgentHub_RefusesConnectionsWithoutAnAgentLogin()
    {
        var (started, _) = await _factory.StartCustomerAsync();

        await AssertUnauthorizedAsync(() => ConnectAsync("/hubs/agent", token: null));
        await AssertUnauthorizedAsync(() => ConnectAsync("/hubs/agent", started.Token));
    }

    [Fact]
    public async Task TheCustomerHub_RefusesConnectionsWithoutAConversationToken()
    {
        var agentToken = await _factory.AgentTokenAsync();

        await AssertUnauthorizedAsync(() => ConnectAsync("/hubs/customer", token: null));
        await AssertUnauthorizedAsync(() => ConnectAsync("/hubs/customer", agentToken));
    }

    private static async Task AssertUnauthorizedAsync(Func<Task> connect)
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(connect);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private async Task<HubConnection> ConnectAsync(string path, string? token, Action<HubConnection>? subscribe = null)
    {
        var connection = _factory.Hub(path, token);
        subscribe?.Invoke(connection);
        _connections.Add(connection);
        await connection.StartAsync().WaitAsync(TestTimeouts.Event);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await _factory.DisposeAsync();
    }
}
