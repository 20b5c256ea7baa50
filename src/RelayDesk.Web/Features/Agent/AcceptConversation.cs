using System.Security.Claims;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Agent;

/// <summary>An agent takes a queued conversation. Two agents accepting at once: one wins, the other is told.</summary>
public sealed class AcceptConversation(ConversationStore store, TimeProvider clock)
{
    public static string JoinedText(string language, string agentName) => language == "de"
        ? $"{agentName} ist jetzt für Sie da."
        : $"{agentName} has joined and is here to help.";

    public async Task<ConversationDetail> HandleAsync(Guid id, StaffMember agent, CancellationToken cancellationToken)
    {
        var conversation = await store.ExecuteAsync(id, c =>
        {
            var now = clock.GetUtcNow();
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
