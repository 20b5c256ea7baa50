using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RelayDesk.Data.Routing;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Features.Routing;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Routing;

public sealed class PushAssignmentTests : IDisposable
{
    private readonly FakeTimeProvider _clock = RoutingProbe.Clock();
    private readonly RelayDeskFactory _factory;

    public PushAssignmentTests()
    {
        _factory = new RelayDeskFactory { Clock = _clock };
    }

    [Fact]
    public async Task AnOnlineAgent_IsOfferedTheConversationOverTheHub_AndAcceptingAssignsIt()
    {
        var token = await _factory.AgentTokenAsync(2);
        await using var hub = _factory.Hub("/hubs/agent", token);
        var offered = new TaskCompletionSource<OfferView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<OfferView>("offered", offer => offered.TrySetResult(offer));
        await hub.StartAsync();
        var presence = await hub.InvokeAsync<SetPresence.PresenceView>("SetPresence", "online");
        Assert.Equal("online", presence.Status);

        var id = await _factory.RequestHumanAsync();
        var offer = await offered.Task.WaitAsync(TestTimeouts.Event);

        Assert.Equal(id, offer.ConversationId);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(30), offer.ExpiresAt);
        Assert.Contains("Normal priority", offer.Why, StringComparison.Ordinal);
        var detail = await hub.InvokeAsync<JsonElement>("AcceptOffer", offer.Id);
        Assert.Equal("assigned", detail.GetProperty("state").GetString());
        Assert.Equal("Ben Wagner", detail.GetProperty("assignedAgent").GetString());
        var offers = await _factory.WaitForOffersAsync(id, o => o.Count == 1);
        Assert.Equal(OfferOutcome.Accepted, offers[0].Outcome);
    }

    [Fact]
    public async Task AnOfferNotAcceptedInTime_IsOfferedToTheNextAgent_AndTheFirstCanNoLongerAcceptIt()
    {
        var first = await _factory.AgentClientAsync(1);
        var second = await _factory.AgentClientAsync(2);
        await first.SetPresenceAsync("online");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await second.SetPresenceAsync("online");

        var id = await _factory.RequestHumanAsync();
        var offers = await _factory.WaitForOffersAsync(id, o => o.Count == 1);
        var firstOffer = offers[0];
        var (firstAgent, other) = firstOffer.AgentId == await _factory.AgentIdAsync(1) ? (first, await _factory.AgentIdAsync(2)) : (second, await _factory.AgentIdAsync(1));

        _clock.Advance(TimeSpan.FromSeconds(31));
        offers = await _factory.WaitForOffersAsync(id, o => o.Count == 2);

        Assert.Equal(OfferOutcome.TimedOut, offers.Single(o => o.Id == firstOffer.Id).Outcome);
        var next = offers.Single(o => o.Id != firstOffer.Id);
        Assert.Equal(other, next.AgentId);
        Assert.Equal(OfferOutcome.Pending, next.Outcome);
        var late = await firstAgent.PostAsync($"/api/v1/agent/offers/{firstOffer.Id}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task WhenEveryQualifiedAgentLetItPass_ItIsOfferedAgainLater_RatherThanToNobody()
    {
        var agent = await _factory.AgentClientAsync(1);
        await agent.SetPresenceAsync("online");
        var id = await _factory.RequestHumanAsync();
        await _factory.WaitForOffersAsync(id, o => o.Count == 1);

        _clock.Advance(TimeSpan.FromSeconds(31));
        await _factory.WaitForOffersAsync(id, o => o.Count == 1 && o[0].Outcome == OfferOutcome.TimedOut);
        _clock.Advance(TimeSpan.FromMinutes(10));

        var offers = await _factory.WaitForOffersAsync(id, o => o.Count == 2);
        Assert.All(offers, o => Assert.Equal(offers[0].AgentId, o.AgentId));
    }

    [Fact]
    public async Task DecliningAnOffer_OffersItToTheNextAgentAtOnce()
    {
        var first = await _factory.AgentClientAsync(1);
        await first.SetPresenceAsync("online");
        var second = await _factory.AgentClientAsync(2);
        await second.SetPresenceAsync("online");
        var id = await _factory.RequestHumanAsync();
        var offer = (await _factory.WaitForOffersAsync(id, o => o.Count == 1))[0];
        var holder = offer.AgentId == await _factory.AgentIdAsync(1) ? first : second;

        (await holder.PostAsync($"/api/v1/agent/offers/{offer.Id}/decline", null)).EnsureSuccessStatusCode();
        var offers = await _factory.WaitForOffersAsync(id, o => o.Count == 2);

        Assert.NotEqual(offer.AgentId, offers.Single(o => o.Id != offer.Id).AgentId);
    }

    [Fact]
    public async Task AnAgentGoingOfflineMidChat_PutsTheChatBackInTheQueue_ForTheNextAgent()
    {
        var first = await _factory.AgentClientAsync(1);
        await first.SetPresenceAsync("online");
        var id = await _factory.RequestHumanAsync();
        var offer = (await _factory.WaitForOffersAsync(id, o => o.Count == 1))[0];
        (await first.PostAsync($"/api/v1/agent/offers/{offer.Id}/accept", null)).EnsureSuccessStatusCode();
        var second = await _factory.AgentClientAsync(2);
        await second.SetPresenceAsync("online");

        _clock.Advance(TimeSpan.FromMinutes(2));
        await first.SetPresenceAsync("offline");

        var offers = await _factory.WaitForOffersAsync(id, o => o.Count == 2);
        Assert.Equal(await _factory.AgentIdAsync(2), offers.Single(o => o.Id != offer.Id).AgentId);
        var conversation = await _factory.LoadAsync(id);
        Assert.Equal(ConversationState.Queued, conversation!.State);
        Assert.Contains(conversation.Messages, m => m.Text.Contains("had to step away", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALostWorkspaceConnection_AfterTheGracePeriod_SetsTheAgentOffline_AndReassignsTheirChats()
    {
        var token = await _factory.AgentTokenAsync(1);
        var hub = _factory.Hub("/hubs/agent", token);
        await hub.StartAsync();
        await hub.InvokeAsync<SetPresence.PresenceView>("SetPresence", "online");
        var id = await _factory.RequestHumanAsync();
        var offer = (await _factory.WaitForOffersAsync(id, o => o.Count == 1))[0];
        await hub.InvokeAsync<JsonElement>("AcceptOffer", offer.Id);
        var agentId = await _factory.AgentIdAsync(1);

        await hub.DisposeAsync();
        await _factory.WaitForAsync(db => db.AgentRouting.AsNoTracking().SingleAsync(a => a.AgentId == agentId), a => a.DisconnectedAt is not null);
        _clock.Advance(TimeSpan.FromSeconds(61));

        var state = await _factory.WaitForAsync(db => db.AgentRouting.AsNoTracking().SingleAsync(a => a.AgentId == agentId), a => a.Presence == Presence.Offline);
        Assert.Null(state.DisconnectedAt);
        var conversation = await _factory.WaitForAsync(id, c => c.State == ConversationState.Queued);
        Assert.Null(conversation.AssignedAgentId);
    }

    [Fact]
    public async Task PullingFromTheQueue_StillWorks_AndWithdrawsTheOpenOffer()
    {
        var online = await _factory.AgentClientAsync(1);
        await online.SetPresenceAsync("online");
        var id = await _factory.RequestHumanAsync();
        var offer = (await _factory.WaitForOffersAsync(id, o => o.Count == 1))[0];

        var puller = await _factory.AgentClientAsync(2);
        (await puller.PostAsync($"/api/v1/agent/conversations/{id}/accept", null)).EnsureSuccessStatusCode();

        var offers = await _factory.WaitForOffersAsync(id, o => o.All(x => x.Outcome != OfferOutcome.Pending));
        Assert.Equal(OfferOutcome.Withdrawn, offers.Single(o => o.Id == offer.Id).Outcome);
        Assert.Equal(HttpStatusCode.Conflict, (await online.PostAsync($"/api/v1/agent/offers/{offer.Id}/accept", null)).StatusCode);
    }

    [Fact]
    public async Task TransferWithANote_MovesTheChatToTheOtherAgent_AndKeepsTheNoteForStaff()
    {
        var first = await _factory.AgentClientAsync(1);
        var id = await _factory.RequestHumanAsync();
        (await first.PostAsync($"/api/v1/agent/conversations/{id}/accept", null)).EnsureSuccessStatusCode();
        var to = await _factory.AgentIdAsync(4);

        var response = await first.PostAsJsonAsync($"/api/v1/agent/conversations/{id}/transfer", new { toAgentId = to, note = "Looks like fraud, card ending 42." });
        response.EnsureSuccessStatusCode();

        var stored = await _factory.LoadAsync(id);
        Assert.Equal(to, stored!.AssignedAgentId);
        Assert.Contains(stored.Messages, m => m.Text.Contains("David Hoffmann is taking over", StringComparison.Ordinal));
        Assert.DoesNotContain(stored.Messages, m => m.Text.Contains("card ending 42", StringComparison.Ordinal));
        var notes = await first.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{id}/handover-notes");
        Assert.Equal("Looks like fraud, card ending 42.", notes.GetProperty("notes")[0].GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsJsonAsync($"/api/v1/agent/conversations/{id}/transfer", new { toAgentId = to })).StatusCode);
    }

    [Fact]
    public async Task ASupervisor_CanPutAnyChatBackInTheQueue_ButAnAgentCannot()
    {
        var agent = await _factory.AgentClientAsync(1);
        var id = await _factory.RequestHumanAsync();
        (await agent.PostAsync($"/api/v1/agent/conversations/{id}/accept", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/api/v1/supervisor/conversations/{id}/reassign", new { toTeamId = "desk" })).StatusCode);
        var supervisor = await _factory.StaffClientAsync("supervisor@demo.local");
        (await supervisor.PostAsJsonAsync($"/api/v1/supervisor/conversations/{id}/reassign", new { toTeamId = "desk", note = "Anna is in a meeting." })).EnsureSuccessStatusCode();

        Assert.Equal(ConversationState.Queued, (await _factory.LoadAsync(id))!.State);
    }

    [Fact]
    public async Task Presence_RejectsAnUnknownStatus_WithProblemDetails()
    {
        var agent = await _factory.AgentClientAsync(1);
        var response = await agent.PutAsJsonAsync("/api/v1/agent/presence", new { status = "busy" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("presence.invalid", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ACapacitySetByTheSupervisor_LimitsHowManyChatsTheAgentIsOffered()
    {
        var supervisor = await _factory.StaffClientAsync("supervisor@demo.local");
        var anna = await _factory.AgentIdAsync(1);
        var configured = await supervisor.PutAsJsonAsync($"/api/v1/supervisor/agents/{anna}/routing", new { capacity = 1, skillLevels = new { payments = 5 } });
        configured.EnsureSuccessStatusCode();
        var agent = await _factory.AgentClientAsync(1);
        await agent.SetPresenceAsync("online");

        var first = await _factory.RequestHumanAsync();
        await _factory.WaitForOffersAsync(first, o => o.Count == 1);
        var second = await _factory.RequestHumanAsync();

        var agents = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervisor/agents");
        var annaView = agents.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("id").GetString() == anna);
        Assert.Equal(1, annaView.GetProperty("capacity").GetInt32());
        Assert.Equal(1, annaView.GetProperty("load").GetInt32());
        Assert.Equal(5, annaView.GetProperty("skillLevels").GetProperty("payments").GetInt32());
        Assert.Equal("online", annaView.GetProperty("presence").GetString());
        Assert.Empty(await _factory.WaitForOffersAsync(second, _ => true));
        var invalid = await supervisor.PutAsJsonAsync($"/api/v1/supervisor/agents/{anna}/routing", new { skillLevels = new { fraud = 3 } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
