using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data.Routing;
using RelayDesk.Web.Features.Routing;
using RelayDesk.Web.Tests.Infrastructure;
using RelayDesk.Web.Tests.Routing;

namespace RelayDesk.Web.Tests.Scale;

public sealed class ConcurrentRoutingTests
{
    [Fact]
    public async Task RoutingPassesOnBothInstancesAtOnce_OfferEveryConversationOnce_AndNoneFails()
    {
        using var desk = new TwoInstances();
        foreach (var agent in new[] { 1, 2, 3 })
        {
            await (await desk.B.AgentClientAsync(agent)).SetPresenceAsync("online");
        }

        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await desk.A.RequestHumanAsync());
        }

        // Besides what the dispatchers do on their own: a pass that loses a race must end quietly, not throw.
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(desk.A.RunRoutingPassAsync(), desk.B.RunRoutingPassAsync(), desk.A.RunRoutingPassAsync(), desk.B.RunRoutingPassAsync());
        }

        var offers = await desk.A.WaitForAsync(db => db.RoutingOffers.AsNoTracking().Where(o => ids.Contains(o.ConversationId)).ToListAsync(), o => o.Count == ids.Count);
        Assert.All(offers, o => Assert.Equal(OfferOutcome.Pending, o.Outcome));
        Assert.Equal(ids.Order(), offers.Select(o => o.ConversationId).Order());
    }

    [Fact]
    public async Task AnAgentOfferedChatsByBothInstancesAtOnce_IsNeverLeftWithMoreThanTheirCapacity()
    {
        using var desk = new TwoInstances();
        var agents = new List<string>();
        foreach (var agent in new[] { 1, 2 })
        {
            await (await desk.B.AgentClientAsync(agent)).SetPresenceAsync("online");
            agents.Add(await desk.A.AgentIdAsync(agent));
        }

        await desk.A.WithDatabaseAsync(db => db.AgentRouting.Where(a => agents.Contains(a.AgentId)).ExecuteUpdateAsync(u => u.SetProperty(a => a.Capacity, 1)));
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await desk.A.RequestHumanAsync());
        }

        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(desk.A.RunRoutingPassAsync(), desk.B.RunRoutingPassAsync(), desk.A.RunRoutingPassAsync(), desk.B.RunRoutingPassAsync());
        }

        // Every pass checks after its own offers are stored, so once they are all done nobody is over capacity.
        var pending = new List<RoutingOffer>();
        await desk.A.WithDatabaseAsync(async db => pending = await db.RoutingOffers.AsNoTracking().Where(o => o.Outcome == OfferOutcome.Pending).ToListAsync());
        Assert.All(agents, agent => Assert.True(pending.Count(o => o.AgentId == agent) <= 1, $"{agent} holds {pending.Count(o => o.AgentId == agent)} open offers"));
        Assert.Equal(pending.Count, pending.Select(o => o.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task AnOfferMadeFromAStalePicture_IsTakenBack_WhenAnotherInstanceFilledTheAgentMeanwhile()
    {
        var clock = RoutingProbe.Clock();
        using var factory = new RelayDeskFactory { Clock = clock };
        var agentId = await factory.AgentIdAsync(4);
        var theirs = await factory.RequestHumanAsync();
        var mine = await factory.RequestHumanAsync();
        var now = clock.GetUtcNow();
        RoutingOffer Offer(Guid conversation) => new()
        {
            Id = Guid.NewGuid(),
            ConversationId = conversation,
            AgentId = agentId,
            OfferedAt = now,
            ExpiresAt = now.AddSeconds(30),
            Outcome = OfferOutcome.Pending,
            Why = "test",
        };

        // The agent (offline, so the dispatcher leaves them alone) has room for one chat; the other instance's offer
        // and this pass's offer were both stored.
        var ours = Offer(mine);
        await factory.WithDatabaseAsync(async db =>
        {
            if (await db.AgentRouting.FindAsync(agentId) is { } state)
            {
                state.Capacity = 1;
            }
            else
            {
                db.AgentRouting.Add(new AgentRoutingState { AgentId = agentId, Capacity = 1 });
            }

            db.RoutingOffers.AddRange(Offer(theirs), ours);
            await db.SaveChangesAsync();
        });

        List<RoutingOffer> kept = [];
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            kept = await scope.ServiceProvider.GetRequiredService<RoutingPass>().KeepWithinCapacityAsync([ours], now, CancellationToken.None);
        }

        Assert.Empty(kept);
        var offers = new List<RoutingOffer>();
        await factory.WithDatabaseAsync(async db => offers = await db.RoutingOffers.AsNoTracking().ToListAsync());
        Assert.Equal(OfferOutcome.Pending, offers.Single(o => o.ConversationId == theirs).Outcome);
        Assert.Equal(OfferOutcome.Withdrawn, offers.Single(o => o.ConversationId == mine).Outcome);
    }
}
