using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data.Routing;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Routing;
using RelayDesk.Web.Tests.Infrastructure;
using RelayDesk.Web.Tests.Routing;

namespace RelayDesk.Web.Tests.Scale;

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: the database alone keeps a conversation
/// with one agent and one open offer.
/// </summary>
public sealed class TwoInstancesTests : IDisposable
{
    private readonly RelayDeskFactory _second;
    private readonly RelayDeskFactory _first;

    public TwoInstancesTests()
    {
        var folder = Path.Combine(Path.GetTempPath(), "relaydesk-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Routing:SweepInterval"] = "00:00:00.200", ["Routing:CallbacksPerSlot"] = "1" };

        // The second is disposed last and drops the shared database; the first one starts first and seeds the demo.
        _second = new RelayDeskFactory(folder) { Database = TestDatabase.PostgreSql, Settings = settings };
        _first = new RelayDeskFactory(folder) { Database = TestDatabase.PostgreSql, Settings = settings, KeepData = true };
        _ = _first.Server;
        _ = _second.Server;
    }

    [Fact]
    public async Task TwoAgentsOnTwoInstances_AcceptingTheSameConversationAtOnce_OneGetsIt_TheOtherIsTold()
    {
        var onFirst = await _first.AgentClientAsync(1);
        var onSecond = await _second.AgentClientAsync(2);
        var agentIds = new[] { await _first.AgentIdAsync(1), await _first.AgentIdAsync(2) };

        for (var round = 0; round < 5; round++)
        {
            var id = await (round % 2 == 0 ? _first : _second).RequestHumanAsync();

            var answers = await Task.WhenAll(
                onFirst.PostAsync($"/api/v1/agent/conversations/{id}/accept", null),
                onSecond.PostAsync($"/api/v1/agent/conversations/{id}/accept", null));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
            Assert.Equal("conversation.already_assigned", (await loser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            var winner = Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK);
            foreach (var instance in new[] { _first, _second })
            {
                var stored = await instance.LoadAsync(id);
                Assert.Equal(ConversationState.Assigned, stored!.State);
                Assert.Equal(agentIds[winner], stored.AssignedAgentId);
                Assert.Single(stored.Messages, m => m.Author == MessageAuthor.System && m.Text.Contains("has joined", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task BothInstancesRouting_NeverLeaveTwoOpenOffersForOneConversation()
    {
        await (await _first.AgentClientAsync(1)).SetPresenceAsync("online");
        await (await _second.AgentClientAsync(2)).SetPresenceAsync("online");
        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? _first : _second).RequestHumanAsync()));

        // Besides both dispatchers' own passes, run passes on both instances at the same moment.
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(RunPassAsync(_first), RunPassAsync(_second));
            await AssertAtMostOneOpenOfferEachAsync();
        }

        var offers = await _first.WaitForAsync(
            db => db.RoutingOffers.AsNoTracking().Where(o => o.Outcome == OfferOutcome.Pending).ToListAsync(),
            pending => pending.Select(o => o.ConversationId).Distinct().Count() == ids.Length);
        Assert.Equal(ids.Order(), offers.Select(o => o.ConversationId).Order());
        await AssertAtMostOneOpenOfferEachAsync();
    }

    [Fact]
    public async Task TwoCustomersOnTwoInstances_BookingTheLastPlaceOfASlotAtOnce_OnlyOneGetsIt()
    {
        var (first, firstCustomer) = await _first.RequestHumanWithClientAsync();
        var (second, secondCustomer) = await _second.RequestHumanWithClientAsync();
        var slot = (await firstCustomer.ViewAsync(first)).GetProperty("callbackOffer").GetProperty("slots")[0].GetProperty("start").GetDateTimeOffset();

        var answers = await Task.WhenAll(
            firstCustomer.PostAsJsonAsync($"/api/v1/conversations/{first}/callback", new { slotStart = slot }),
            secondCustomer.PostAsJsonAsync($"/api/v1/conversations/{second}/callback", new { slotStart = slot }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], answers.Select(a => a.StatusCode).Order());
        var refused = answers.Single(a => a.StatusCode == HttpStatusCode.BadRequest);
        Assert.Equal("callback.slot_unavailable", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var scope = _second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDesk.Data.RelayDeskDbContext>();
        var booked = await db.CallbackBookings.AsNoTracking().Where(b => b.Status == CallbackStatus.Booked).ToListAsync();
        Assert.Equal(slot, Assert.Single(booked).SlotStart);
    }

    private static async Task RunPassAsync(RelayDeskFactory instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoutingPass>().RunAsync(CancellationToken.None);
    }

    private async Task AssertAtMostOneOpenOfferEachAsync()
    {
        var pending = await _first.WaitForAsync(
            db => db.RoutingOffers.AsNoTracking().Where(o => o.Outcome == OfferOutcome.Pending).Select(o => o.ConversationId).ToListAsync(),
            _ => true);
        Assert.Equal(pending.Count, pending.Distinct().Count());
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
