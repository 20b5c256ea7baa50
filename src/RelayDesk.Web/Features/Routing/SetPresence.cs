using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Hubs;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// An agent says whether they take chats: online (offered chats), away (no offers, may still pick from the queue),
/// offline (their open chats go back to the queue for someone else).
/// </summary>
public sealed class SetPresence(RelayDeskDbContext db, RoutingSignal signal, DeskNotifier notifier, TimeProvider clock)
{
    public sealed record Request(string? Status);

    public sealed record PresenceView(string Status, int Capacity, DateTimeOffset Since);

    public async Task<PresenceView> HandleAsync(string agentId, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PresenceNames.TryParse(request.Status, out var presence))
        {
            throw new DomainException("presence.invalid", "status must be \"online\", \"away\" or \"offline\".");
        }

        var now = clock.GetUtcNow();
        var state = await db.AgentRouting.SingleOrDefaultAsync(a => a.AgentId == agentId, cancellationToken);
        if (state is null)
        {
            state = new AgentRoutingState { AgentId = agentId, IdleSince = now };
            db.AgentRouting.Add(state);
        }

        if (state.Presence != presence)
        {
            state.PresenceChangedAt = now;
            if (presence == Presence.Online)
            {
                state.IdleSince = now;
            }
        }

        state.Presence = presence;
        state.DisconnectedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        signal.Poke();
        await notifier.PublishRoutingChangeAsync(cancellationToken); // Who is on shift changed: waiting customers get a new estimate.
        return new PresenceView(presence.ToWire(), state.Capacity, state.PresenceChangedAt);
    }

    public async Task<PresenceView> CurrentAsync(string agentId, CancellationToken cancellationToken)
    {
        var state = await db.AgentRouting.AsNoTracking().SingleOrDefaultAsync(a => a.AgentId == agentId, cancellationToken);
        return state is null
            ? new PresenceView(Presence.Offline.ToWire(), RoutingAgent.DefaultCapacity, DateTimeOffset.MinValue)
            : new PresenceView(state.Presence.ToWire(), state.Capacity, state.PresenceChangedAt);
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/presence", async (Request request, ClaimsPrincipal user, CurrentAgent current, SetPresence handler, CancellationToken ct) =>
                await handler.HandleAsync((await current.ResolveAsync(user)).Id, request, ct))
            .WithName("SetPresence")
            .WithSummary("Set your presence: online, away or offline.");
        group.MapGet("/presence", async (ClaimsPrincipal user, CurrentAgent current, SetPresence handler, CancellationToken ct) =>
                await handler.CurrentAsync((await current.ResolveAsync(user)).Id, ct))
            .WithName("GetPresence");
    }
}
