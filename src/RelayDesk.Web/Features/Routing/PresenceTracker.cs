using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.ScaleOut;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Infrastructure.ScaleOut;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// Follows an agent's live workspace connections (AgentHub connections and workspace circuits) on every instance:
/// when the last one anywhere goes while they are online or away, the time is noted, and routing sets them offline
/// after the grace period unless they come back. The connections live in the shared database
/// (<see cref="ConnectionRegistry"/>), so a tab closed on one instance does not count an agent still connected to
/// another as gone.
/// </summary>
public sealed class PresenceTracker(ConnectionRegistry connections, RelayDeskDbContext db, RoutingSignal signal, DeskFeed feed, TimeProvider clock)
{
    public async Task ConnectedAsync(string agentId, string connectionId, CancellationToken cancellationToken)
    {
        await connections.AddAsync(LiveConnectionKind.Agent, agentId, connectionId, cancellationToken);
        await db.AgentRouting.Where(a => a.AgentId == agentId && a.DisconnectedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DisconnectedAt, (DateTimeOffset?)null), cancellationToken);
    }

    public async Task DisconnectedAsync(string agentId, string connectionId)
    {
        await connections.RemoveAsync(connectionId, CancellationToken.None);
        if (await connections.IsConnectedAsync(LiveConnectionKind.Agent, agentId, CancellationToken.None))
        {
            return;
        }

        await StartGraceAsync([agentId], CancellationToken.None);
    }

    /// <summary>The agents' last connection is gone (closed, or its instance died): their grace period starts now.</summary>
    internal async Task StartGraceAsync(IReadOnlyCollection<string> agentIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var started = await db.AgentRouting.Where(a => agentIds.Contains(a.AgentId) && a.Presence != Presence.Offline)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DisconnectedAt, now), cancellationToken);
        if (started > 0)
        {
            signal.Poke();
            feed.Publish(new DeskChange(Guid.Empty, QueueChanged: false)); // Supervisors' views show the lost connection.
        }
    }
}
