using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;
using RelayDesk.Data.ScaleOut;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Auth;
using RelayDesk.Web.Infrastructure.ScaleOut;
using RelayDesk.Web.Tests.Infrastructure;
using RelayDesk.Web.Tests.Routing;

namespace RelayDesk.Web.Tests.Scale;

public sealed class InstanceLivenessTests
{
    [Fact]
    public async Task WorkspaceConnectionsOfAnInstanceThatStoppedBeating_NoLongerKeepTheAgentOnline()
    {
        var clock = RoutingProbe.Clock();
        using var factory = new RelayDeskFactory { Clock = clock };
        await (await factory.AgentClientAsync(5)).SetPresenceAsync("online");
        var agentId = await factory.AgentIdAsync(5);
        var now = clock.GetUtcNow();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // An instance that crashed with this agent's workspace open: its last heartbeat is two minutes old.
            var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
            db.DeskInstances.Add(new DeskInstance { Id = "crashed", StartedAt = now.AddHours(-1), HeartbeatAt = now.AddMinutes(-2) });
            db.LiveConnections.Add(new LiveConnection { Id = "crashed-1", InstanceId = "crashed", Kind = LiveConnectionKind.Agent, Subject = agentId, ConnectedAt = now.AddHours(-1) });
            await db.SaveChangesAsync();
        }

        await factory.RunRoutingPassAsync();
        var state = await factory.AgentRoutingAsync(agentId);
        Assert.Equal(Presence.Online, state.Presence);
        Assert.Equal(now, state.DisconnectedAt);
        await factory.WaitForAsync(db => db.LiveConnections.CountAsync(c => c.InstanceId == "crashed"), n => n == 0);

        clock.Advance(TimeSpan.FromSeconds(61));
        await factory.RunRoutingPassAsync();
        Assert.Equal(Presence.Offline, (await factory.AgentRoutingAsync(agentId)).Presence);
    }

    [Fact]
    public async Task TheHeartbeat_WritesBackThisInstancesRowAndConnections_WhenOthersTookItForDead()
    {
        var clock = RoutingProbe.Clock();
        using var factory = new RelayDeskFactory { Clock = clock };
        var agentId = await factory.AgentIdAsync(6);
        await using var hub = factory.Hub("/hubs/agent", await factory.AgentTokenAsync(6));
        await hub.StartAsync();
        var me = factory.Services.GetRequiredService<ThisInstance>().Id;
        await factory.WaitForAsync(db => db.LiveConnections.CountAsync(c => c.Subject == agentId), n => n == 1);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
            await db.LiveConnections.Where(c => c.InstanceId == me).ExecuteDeleteAsync();
            await db.DeskInstances.Where(i => i.Id == me).ExecuteDeleteAsync();
        }

        clock.Advance(TimeSpan.FromSeconds(10));

        await factory.WaitForAsync(db => db.DeskInstances.AnyAsync(i => i.Id == me), back => back);
        var connections = await factory.WaitForAsync(db => db.LiveConnections.Where(c => c.InstanceId == me).ToListAsync(), c => c.Count == 1);
        Assert.Equal(agentId, connections[0].Subject);
    }

    [Fact]
    public async Task InstancesStartingAtOnce_OnOneFolder_ShareOneGeneratedCustomerTokenKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), "relaydesk-tests", "key-" + Guid.NewGuid().ToString("N"));
        var options = new CustomerTokenOptions { KeyFile = Path.Combine(folder, "customer-token.key") };
        try
        {
            var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Convert.ToBase64String(CustomerTokens.LoadKey(options, folder).Key))));

            Assert.Single(keys.Distinct(StringComparer.Ordinal));
            Assert.Equal(32, Convert.FromBase64String(keys[0]).Length);
            Assert.Equal(["customer-token.key"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
