using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// A supervisor changes a team: its name, business hours, time zone and holidays (the whole set, as when it was
/// created), and — when <c>agentIds</c> is given — exactly who is in it. Listed agents join the team (an agent is in
/// one team); members left out go back to the desk team. The desk team keeps everyone who is in no other team, so
/// nobody can be left out of it except by joining another team. Routing runs again at once: waiting conversations
/// follow the new hours and members.
/// </summary>
public sealed partial class EditTeam(RelayDeskDbContext db, RoutingSignal signal, TimeProvider clock, ILogger<EditTeam> logger)
{
    /// <param name="AgentIds">The team's members after the change; null leaves them as they are.</param>
    public sealed record Request(string? Name, string? TimeZone, string? Opens, string? Closes, IReadOnlyList<string>? Days,
        IReadOnlyList<DateOnly>? Holidays, IReadOnlyList<string>? AgentIds);

    /// <returns>The team as it is now, or null when there is no team with this id.</returns>
    public async Task<ManageTeams.TeamView?> HandleAsync(string id, Request request, string byUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var team = await db.RoutingTeams.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return null;
        }

        var changed = ManageTeams.Validate(new ManageTeams.Request(id, request.Name, request.TimeZone, request.Opens, request.Closes, request.Days, request.Holidays));
        team.Name = changed.Name;
        team.TimeZoneId = changed.TimeZoneId;
        team.Opens = changed.Opens;
        team.Closes = changed.Closes;
        team.Days = changed.Days;
        team.Holidays = changed.Holidays;

        var joined = 0;
        var left = 0;
        if (request.AgentIds is { } agentIds)
        {
            (joined, left) = await SetMembersAsync(id, agentIds, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        Log.TeamChanged(logger, id, byUserId, joined, left);
        signal.Poke();
        return ManageTeams.View(team, await MembersAsync(id, cancellationToken));
    }

    private async Task<(int Joined, int Left)> SetMembersAsync(string teamId, IReadOnlyList<string> agentIds, CancellationToken cancellationToken)
    {
        var wanted = agentIds.Select(a => a?.Trim() ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count > 500)
        {
            throw new DomainException("team.members_invalid", "A team has at most 500 agents.");
        }

        var teamOf = await ManageTeams.TeamOfEveryoneAsync(db, cancellationToken);
        if (wanted.FirstOrDefault(a => !teamOf.ContainsKey(a)) is { } unknown)
        {
            throw new DomainException("team.unknown_agent", $"There is no agent with the id '{Shorten(unknown)}'.");
        }

        var leavingIds = teamOf.Where(t => t.Value == teamId && !wanted.Contains(t.Key)).Select(t => t.Key).ToList();
        if (leavingIds.Count > 0 && teamId == AgentRoutingState.DefaultTeamId)
        {
            throw new DomainException("team.members_invalid",
                "Agents leave the desk team only by joining another team: add them to that team's members instead.");
        }

        var states = await db.AgentRouting.Where(a => wanted.Contains(a.AgentId) || leavingIds.Contains(a.AgentId)).ToListAsync(cancellationToken);
        var leaving = states.Where(s => leavingIds.Contains(s.AgentId)).ToList();
        foreach (var state in leaving)
        {
            state.TeamId = AgentRoutingState.DefaultTeamId;
        }

        var joined = 0;
        var now = clock.GetUtcNow();
        foreach (var agentId in wanted)
        {
            var state = states.SingleOrDefault(s => s.AgentId == agentId);
            if (state is null)
            {
                state = new AgentRoutingState { AgentId = agentId, IdleSince = now, PresenceChangedAt = now };
                db.AgentRouting.Add(state);
            }

            if (teamOf[agentId] != teamId)
            {
                joined++;
            }

            state.TeamId = teamId;
        }

        return (joined, leaving.Count);
    }

    private async Task<IReadOnlyList<string>> MembersAsync(string teamId, CancellationToken cancellationToken) =>
        [.. (await ManageTeams.TeamOfEveryoneAsync(db, cancellationToken)).Where(t => t.Value == teamId).Select(t => t.Key).Order(StringComparer.Ordinal)];

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    internal static void Map(RouteGroupBuilder supervisor) =>
        supervisor.MapPut("/teams/{id}", async Task<IResult> (string id, Request request, ClaimsPrincipal user, EditTeam handler, CancellationToken ct) =>
                await handler.HandleAsync(id, request, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?", ct) is { } team
                    ? TypedResults.Ok(team)
                    : RemoveTeam.NotFound(id))
            .WithName("EditTeam")
            .WithSummary("Rename a team, change its business hours, time zone and holidays, and (with agentIds) who is in it.");

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} changed by {UserId}: {Joined} agent(s) joined, {Left} went back to the desk team.")]
        public static partial void TeamChanged(ILogger logger, string teamId, string userId, int joined, int left);
    }
}
