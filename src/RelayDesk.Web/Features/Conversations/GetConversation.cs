using System.Security.Claims;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>The customer's view of their conversation: state, place in the queue, the agent who joined.</summary>
public sealed class GetConversation(ConversationStore store, QueueQueries queue)
{
    public async Task<ConversationView> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversation = await store.LoadRowAsync(id, cancellationToken) ?? throw new ConversationNotFoundException(id);
        return await queue.ViewAsync(conversation, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, GetConversation handler, CancellationToken ct) =>
                handler.HandleAsync(CustomerAccess.EnsureOwn(user, id), ct))
            .WithName("GetConversation");
}
