using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Agent;

/// <summary>
/// An agent takes a queued conversation. Two agents accepting at once: one wins, the other is told. A conversation
/// handed to a team is taken only by an agent of that team.
/// </summary>
public sealed class AcceptConversation(ConversationStore store, RelayDeskDbContext db, TimeProvider clock)
{
    public static string JoinedText(string language, string agentName) => language == "de"
        ? $"{agentName} ist jetzt für Sie da."
        : $"{agentName} has joined and is here to help.";

    public async Task<ConversationDetail> HandleAsync(Guid id, StaffMember agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var agentTeam = await db.AgentRouting.AsNoTracking().Where(a => a.AgentId == agent.Id).Select(a => a.TeamId).SingleOrDefaultAsync(cancellationToken);
        var conversation = await store.ExecuteAsync(id, c =>
        {
            var now = clock.GetUtcNow();
            if (c.State == ConversationState.Queued && c.TeamId is { } team && team != agentTeam)
            {
                throw new DomainException("conversation.other_team", $"This conversation was handed to team {team}; only its agents can take it.");
            }

            c.Assign(agent.Id, agent.DisplayName, now);
            c.Append(MessageAuthor.System, JoinedText(c.Language, agent.DisplayName), now);
            return c;
        }, cancellationToken);
        return ConversationDetail.From(conversation);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/conversations/{id:guid}/accept", async (Guid id, ClaimsPrincipal user, CurrentAgent current, AcceptConversation handler, CancellationToken ct) =>
                await handler.HandleAsync(id, await current.ResolveAsync(user), ct))
            .WithName("AcceptConversation");
}
