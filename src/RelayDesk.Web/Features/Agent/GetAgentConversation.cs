using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Agent;

/// <summary>A conversation with its whole transcript, so the agent never asks the customer to repeat themselves.</summary>
public sealed class GetAgentConversation(ConversationStore store)
{
    public async Task<ConversationDetail> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversation = await store.LoadAsync(id, cancellationToken) ?? throw new ConversationNotFoundException(id);
        return ConversationDetail.From(conversation);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/conversations/{id:guid}", (Guid id, GetAgentConversation handler, CancellationToken ct) => handler.HandleAsync(id, ct))
            .WithName("GetAgentConversation");
}
