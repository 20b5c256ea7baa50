using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain;
using RelayDesk.Domain.Routing;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// Supervisors see every agent's routing state (presence, load, capacity, skill levels, team) and set capacity,
/// skill levels (1–5 per skill the agent has) and team.
/// </summary>
public sealed class ConfigureAgentRouting(RelayDeskDbContext db, RoutingPictureLoader loader, RoutingSignal signal, TimeProvider clock)
{
    public sealed record Request(int? Capacity, IReadOnlyDictionary<string, int>? SkillLevels, string? TeamId);

    public sealed record AgentRoutingView(string Id, string Name, string Presence, int Load, int Capacity, IReadOnlyDictionary<string, int> SkillLevels,
        IReadOnlyCollection<string> Languages, string? TeamId);

    public sealed record AgentRoutingList(IReadOnlyList<AgentRoutingView> Agents);

    public async Task<AgentRoutingList> ListAsync(CancellationToken cancellationToken)
    {
        var picture = await loader.LoadAsync(cancellationToken);
        return new AgentRoutingList([.. picture.AgentNames.OrderBy(a => a.Value, StringComparer.Ordinal).Select(a => View(picture, a.Key))]);
    }

    public async Task<AgentRoutingView> HandleAsync(string agentId, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == agentId, cancellationToken)
            ?? throw new DomainException("agent.unknown", "There is no agent with this id.");
        if (request.Capacity is < 1 or > 10)
        {
            throw new DomainException("agent.capacity_invalid", "capacity must be between 1 and 10 chats.");
        }

        if (request.SkillLevels is { } levels && levels.Any(l => l.Value is < 1 or > 5 || !user.SkillList.Contains(l.Key, StringComparer.OrdinalIgnoreCase)))
        {
            throw new DomainException("agent.skill_levels_invalid", "Skill levels are 1 to 5, for skills the agent has.");
        }

        if (request.TeamId is { } teamId && !await db.RoutingTeams.AnyAsync(t => t.Id == teamId, cancellationToken))
        {
            throw new DomainException("agent.unknown_team", "There is no team with this id.");
        }

        var state = await db.AgentRouting.SingleOrDefaultAsync(a => a.AgentId == agentId, cancellationToken);
        if (state is null)
        {
            state = new AgentRoutingState { AgentId = agentId, IdleSince = clock.GetUtcNow(), PresenceChangedAt = clock.GetUtcNow() };
            db.AgentRouting.Add(state);
        }

        state.Capacity = request.Capacity ?? state.Capacity;
        if (request.SkillLevels is not null)
        {
            state.SkillLevels = RoutingAgent.FormatSkillLevels(request.SkillLevels.ToDictionary(l => l.Key.ToLowerInvariant(), l => l.Value));
        }

        state.TeamId = request.TeamId ?? state.TeamId;
        await db.SaveChangesAsync(cancellationToken);
        signal.Poke();
        return View(await loader.LoadAsync(cancellationToken), agentId);
    }

    private static AgentRoutingView View(RoutingPicture picture, string agentId)
    {
        var agent = picture.Board.FindAgent(agentId)!;
        return new AgentRoutingView(agent.Id, picture.AgentNames[agentId], agent.Presence.ToWire(), agent.Load, agent.Capacity,
            agent.SkillLevels, agent.Languages, agent.TeamId);
    }

    internal static void Map(RouteGroupBuilder supervisor)
    {
        supervisor.MapGet("/agents", (ConfigureAgentRouting handler, CancellationToken ct) => handler.ListAsync(ct))
            .WithName("GetAgentRouting");
        supervisor.MapPut("/agents/{agentId}/routing", (string agentId, Request request, ConfigureAgentRouting handler, CancellationToken ct) =>
                handler.HandleAsync(agentId, request, ct))
            .WithName("ConfigureAgentRouting")
            .WithSummary("Set an agent's capacity, skill levels and team.");
    }
}
