using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Hubs;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// Follows an agent's live workspace connections (AgentHub connections and workspace circuits): when the last one
/// goes while they are online or away, the time is noted, and routing sets them offline after the grace period
/// unless they come back.
/// </summary>
public sealed class PresenceTracker(AgentConnections connections, RelayDeskDbContext db, RoutingSignal signal, DeskFeed feed, TimeProvider clock)
{
    public async Task ConnectedAsync(string agentId, CancellationToken cancellationToken)
    {
        connections.Connected(agentId);
        await db.AgentRouting.Where(a => a.AgentId == agentId && a.DisconnectedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DisconnectedAt, (DateTimeOffset?)null), cancellationToken);
    }

    public async Task DisconnectedAsync(string agentId)
    {
        if (connections.Disconnected(agentId) > 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await db.AgentRouting.Where(a => a.AgentId == agentId && a.Presence != Presence.Offline)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DisconnectedAt, now));
        signal.Poke();
        feed.Publish(new DeskChange(Guid.Empty, QueueChanged: false)); // Supervisors' views show the lost connection.
    }
}
