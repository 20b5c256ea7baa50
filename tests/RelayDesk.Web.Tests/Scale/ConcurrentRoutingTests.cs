using Microsoft.EntityFrameworkCore;
using RelayDesk.Data.Routing;
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
}
