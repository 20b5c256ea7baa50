using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.Routing;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Hubs;
using RelayDesk.Web.Tests.Infrastructure;
using RelayDesk.Web.Tests.Routing;

namespace RelayDesk.Web.Tests.Scale;

/// <summary>Two instances behind a (pretend) load balancer: one database, one Redis, clients on either instance.</summary>
public sealed class TwoInstanceDeskTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task ACustomerOnA_AndAnAgentOnB_ReachEachOther_ThroughRoutingAcceptAndBothWaysOfTheChat(TestDatabase database)
    {
        using var desk = new TwoInstances(database: database);
        var offers = new EventInbox<OfferView>();
        var queue = new EventInbox<IReadOnlyList<QueueItem>>();
        var agentMessages = new EventInbox<MessageView>();
        await using var agent = desk.B.Hub("/hubs/agent", await desk.B.AgentTokenAsync(2));
        agent.On<OfferView>("offered", offers.Add);
        agent.On<IReadOnlyList<QueueItem>>("queueChanged", queue.Add);
        agent.On<Guid, MessageView>("message", (_, m) => agentMessages.Add(m));
        await agent.StartAsync();
        await agent.InvokeAsync<SetPresence.PresenceView>(nameof(AgentHub.SetPresence), "online");

        var (started, _) = await desk.A.StartCustomerAsync();
        var customerMessages = new EventInbox<MessageView>();
        await using var customer = desk.A.Hub("/hubs/customer", started.Token);
        customer.On<MessageView>("message", customerMessages.Add);
        await customer.StartAsync();
        await customer.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), 0L);
        var workspaceOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(DeskChange change)
        {
            if (change.ConversationId == started.Id)
            {
                workspaceOnB.TrySetResult();
            }
        }

        var feedOnB = desk.B.Services.GetRequiredService<DeskFeed>();
        feedOnB.Changed += OnChange;
        try
        {
            var view = await customer.InvokeAsync<ConversationView>(nameof(CustomerHub.RequestHuman));
            Assert.Equal("queued", view.State);

            // The request was stored by A; B's workspace circuits hear of it through the feed, B's agent through the hub.
            await workspaceOnB.Task.WaitAsync(TestTimeouts.Event);
            await queue.WaitForAsync(q => q.Any(i => i.Id == started.Id));
            var offer = await offers.WaitForAsync(o => o.ConversationId == started.Id);

            var detail = await agent.InvokeAsync<ConversationDetail>(nameof(AgentHub.AcceptOffer), offer.Id);
            Assert.Equal("assigned", detail.State);
            await agent.InvokeAsync<MessageAck>(nameof(AgentHub.SendMessage), started.Id, "a-1", "Hi, Ben here. How can I help?");
            var reply = await customerMessages.WaitForAsync(m => m.Author == "agent");
            Assert.Equal("Hi, Ben here. How can I help?", reply.Text);

            await customer.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "c-1", "My refund is missing");
            var next = await agentMessages.WaitForAsync(m => m.Author == "customer");
            Assert.Equal("My refund is missing", next.Text);
        }
        finally
        {
            feedOnB.Changed -= OnChange;
        }
    }

    [Fact]
    public async Task AnAgentStillConnectedToB_IsNotSetOfflineByA_WhenTheirWorkspaceOnAIsClosed_ButIsOnceTheLastOneGoes()
    {
        using var desk = new TwoInstances();
        var token = await desk.B.AgentTokenAsync(3);
        var agentId = await desk.A.AgentIdAsync(3);
        var onB = desk.B.Hub("/hubs/agent", token);
        await onB.StartAsync();
        await onB.InvokeAsync<SetPresence.PresenceView>(nameof(AgentHub.SetPresence), "online");
        var onA = desk.A.Hub("/hubs/agent", token);
        await onA.StartAsync();
        await desk.A.WaitForAsync(db => db.LiveConnections.CountAsync(c => c.Subject == agentId), n => n == 2);

        await onA.DisposeAsync();
        await desk.A.WaitForAsync(db => db.LiveConnections.CountAsync(c => c.Subject == agentId), n => n == 1);
        desk.Clock.Advance(TimeSpan.FromSeconds(61));
        await desk.A.RunRoutingPassAsync();

        var state = await desk.A.AgentRoutingAsync(agentId);
        Assert.Equal(Presence.Online, state.Presence);
        Assert.Null(state.DisconnectedAt);

        await onB.DisposeAsync();
        await desk.A.WaitForAsync(db => db.AgentRouting.AsNoTracking().SingleAsync(a => a.AgentId == agentId), a => a.DisconnectedAt is not null);
        desk.Clock.Advance(TimeSpan.FromSeconds(61));
        await desk.A.RunRoutingPassAsync();
        Assert.Equal(Presence.Offline, (await desk.A.AgentRoutingAsync(agentId)).Presence);
    }

    [Fact]
    public async Task AStaffCookie_ABearerToken_AndACustomerToken_IssuedByA_AreAcceptedByB_ButNotByAnotherDesk()
    {
        using var desk = new TwoInstances();
        var noCookies = new WebApplicationFactoryClientOptions { HandleCookies = false };
        var login = await desk.A.CreateClient(noCookies).PostAsJsonAsync("/api/v1/auth/login?useCookies=true",
            new { email = "agent1@demo.local", password = RelayDeskFactory.DemoPassword });
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("relaydesk.staff=", StringComparison.Ordinal)).Split(';')[0];
        var bearer = await desk.A.AgentTokenAsync(1);
        var (started, _) = await desk.A.StartCustomerAsync();

        Assert.Equal(HttpStatusCode.OK, await QueueWithCookieAsync(desk.B, cookie));
        var staffOnB = desk.B.CreateClient(noCookies);
        staffOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        Assert.Equal(HttpStatusCode.OK, (await staffOnB.GetAsync("/api/v1/agent/queue")).StatusCode);
        var customerOnB = desk.B.CreateClient(noCookies);
        customerOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", started.Token);
        Assert.Equal(HttpStatusCode.OK, (await customerOnB.GetAsync($"/api/v1/conversations/{started.Id}")).StatusCode);

        // The keys really come from the shared database: a desk with a database of its own cannot read the cookie.
        using var otherDesk = new RelayDeskFactory();
        Assert.Equal(HttpStatusCode.Unauthorized, await QueueWithCookieAsync(otherDesk, cookie));
    }

    [Fact]
    public async Task ACustomerInTheChatOnA_GetsNoMailForTheReplyOfAnAgentOnB_ButDoesOnceTheyLeft()
    {
        using var desk = new TwoInstances();
        var (started, customer) = await desk.A.StartCustomerAsync();
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        (await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/email-reply", new { email = "max@example.de" })).EnsureSuccessStatusCode();
        var hub = desk.A.Hub("/hubs/customer", started.Token);
        await hub.StartAsync();
        await hub.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), 0L);
        var agent = await desk.B.AgentClientAsync(1);
        (await agent.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null)).EnsureSuccessStatusCode();

        var live = await SendAsAgentAsync(agent, started.Id, "I'm here now.", "live");
        Assert.Null(live.EmailedTo);

        await hub.DisposeAsync();
        var subject = started.Id.ToString("D");
        await desk.B.WaitForAsync(db => db.LiveConnections.CountAsync(c => c.Subject == subject), n => n == 0);
        var away = await SendAsAgentAsync(agent, started.Id, "Your refund is on its way.", "away");
        Assert.Equal("m***@example.de", away.EmailedTo);
    }

    private static async Task<MessageAck> SendAsAgentAsync(HttpClient agent, Guid id, string text, string clientMessageId)
    {
        var response = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{id}/messages", new { clientMessageId, text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessageAck>())!;
    }

    private static async Task<HttpStatusCode> QueueWithCookieAsync(RelayDeskFactory instance, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/agent/queue");
        request.Headers.Add("Cookie", cookie);
        var response = await instance.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).SendAsync(request);
        return response.StatusCode;
    }
}
