using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// A supervisor removes a team that is no longer needed. A team that still has agents or open conversations handed to
/// it is not removed: its customers would wait for people who no longer exist, and its agents would silently change
/// team. The supervisor is told how many of each are left, moves the agents (team members or agent settings) and hands
/// the conversations to another team first — a deliberate step rather than a side effect of a delete. The desk team
/// is never removed: it holds the desk's business hours and everyone in no other team.
/// </summary>
public sealed partial class RemoveTeam(RelayDeskDbContext db, RoutingSignal signal, ILogger<RemoveTeam> logger)
{
    public enum Outcome
    {
        Removed,
        NotFound,
        IsDeskTeam,
        InUse,
    }

    /// <param name="Agents">Agents still in the team.</param>
    /// <param name="Waiting">Conversations handed to the team that wait for a person (callbacks included).</param>
    /// <param name="WithAgents">Conversations handed to the team that a person has now.</param>
    public sealed record Result(Outcome Outcome, int Agents = 0, int Waiting = 0, int WithAgents = 0)
    {
        /// <summary>Why the team was not removed, written for the supervisor.</summary>
        public string Reason => Outcome switch
        {
            Outcome.IsDeskTeam => "The desk team cannot be removed: it holds the desk's business hours and every agent who is in no other team.",
            Outcome.InUse => string.Create(CultureInfo.InvariantCulture,
                $"The team still has {Agents} agent(s), {Waiting} waiting conversation(s) and {WithAgents} conversation(s) with an agent. ")
                + "Move its agents to another team and hand its waiting conversations to another team first, then remove it.",
            Outcome.NotFound => "There is no team with this id.",
            _ => string.Empty,
        };
    }

    public async Task<Result> HandleAsync(string id, string byUserId, CancellationToken cancellationToken)
    {
        if (id == AgentRoutingState.DefaultTeamId)
        {
            return new Result(Outcome.IsDeskTeam);
        }

        var team = await db.RoutingTeams.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return new Result(Outcome.NotFound);
        }

        var agents = await db.AgentRouting.CountAsync(a => a.TeamId == id, cancellationToken);
        var open = await db.Conversations.AsNoTracking()
            .Where(c => c.TeamId == id && (c.State == ConversationState.Queued || c.State == ConversationState.Assigned))
            .GroupBy(c => c.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var waiting = open.Where(o => o.State == ConversationState.Queued).Sum(o => o.Count);
        var withAgents = open.Where(o => o.State == ConversationState.Assigned).Sum(o => o.Count);
        if (agents + waiting + withAgents > 0)
        {
            Log.Refused(logger, id, byUserId, agents, waiting, withAgents);
            return new Result(Outcome.InUse, agents, waiting, withAgents);
        }

        db.RoutingTeams.Remove(team);
        await db.SaveChangesAsync(cancellationToken);
        Log.Removed(logger, id, byUserId);
        signal.Poke();
        return new Result(Outcome.Removed);
    }

    internal static IResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Team not found", detail: $"There is no team '{(id.Length > 64 ? id[..64] : id)}'.",
            extensions: new Dictionary<string, object?> { ["code"] = "team.not_found" });

    internal static void Map(RouteGroupBuilder supervisor) =>
        supervisor.MapDelete("/teams/{id}", async Task<IResult> (string id, ClaimsPrincipal user, RemoveTeam handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?", ct);
                return result.Outcome switch
                {
                    Outcome.Removed => TypedResults.NoContent(),
                    Outcome.NotFound => NotFound(id),
                    Outcome.IsDeskTeam => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The desk team cannot be removed",
                        detail: result.Reason, extensions: new Dictionary<string, object?> { ["code"] = "team.desk" }),
                    _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The team is still in use", detail: result.Reason,
                        extensions: new Dictionary<string, object?>
                        {
                            ["code"] = "team.in_use",
                            ["agents"] = result.Agents,
                            ["waitingConversations"] = result.Waiting,
                            ["conversationsWithAgents"] = result.WithAgents,
                        }),
                };
            })
            .WithName("RemoveTeam")
            .WithSummary("Remove a team that has no agents and no open conversations (409 with the counts otherwise; the desk team stays).");

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} removed by {UserId}.")]
        public static partial void Removed(ILogger logger, string teamId, string userId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} not removed for {UserId}: {Agents} agent(s), {Waiting} waiting, {WithAgents} with an agent.")]
        public static partial void Refused(ILogger logger, string teamId, string userId, int agents, int waiting, int withAgents);
    }
}
