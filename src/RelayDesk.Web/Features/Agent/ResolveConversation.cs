using System.Security.Claims;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Agent;

/// <summary>The assigned agent resolves the case; the customer is told.</summary>
public sealed class ResolveConversation(ConversationStore store, TimeProvider clock)
{
    public static string ResolvedText(string language) => language == "de"
        ? "Ihr Anliegen wurde als gelöst markiert. Wenn noch etwas offen ist, fragen Sie einfach wieder nach einem Menschen."
        : "Your conversation was marked as resolved. If anything is still open, just ask for a person again.";

    public async Task<ConversationDetail> HandleAsync(Guid id, StaffMember agent, CancellationToken cancellationToken)
    {
        var conversation = await store.ExecuteAsync(id, c =>
        {
            var now = clock.GetUtcNow();
            c.Resolve(agent.Id, now);
            c.Append(MessageAuthor.System, ResolvedText(c.Language), now);
            return c;
        }, cancellationToken);
        return ConversationDetail.From(conversation);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/conversations/{id:guid}/resolve", async (Guid id, ClaimsPrincipal user, CurrentAgent current, ResolveConversation handler, CancellationToken ct) =>
                await handler.HandleAsync(id, await current.ResolveAsync(user), ct))
            .WithName("ResolveConversation");
}
