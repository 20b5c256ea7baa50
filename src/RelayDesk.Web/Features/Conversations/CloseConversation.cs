using System.Security.Claims;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>The customer ends the chat.</summary>
public sealed class CloseConversation(ConversationStore store, QueueQueries queue, TimeProvider clock)
{
    public async Task<ConversationView> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversation = await store.ExecuteAsync(id, c =>
        {
            c.Close(clock.GetUtcNow());
            return c;
        }, cancellationToken);
        return await queue.ViewAsync(conversation, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/close", (Guid id, ClaimsPrincipal user, CloseConversation handler, CancellationToken ct) =>
                handler.HandleAsync(CustomerAccess.EnsureOwn(user, id), ct))
            .WithName("CloseConversation");
}
