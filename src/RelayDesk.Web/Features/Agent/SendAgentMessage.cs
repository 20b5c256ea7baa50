using System.Security.Claims;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Agent;

/// <summary>The assigned agent writes to the customer; same acknowledgement and idempotency as the customer side.</summary>
public sealed class SendAgentMessage(ConversationStore store, TimeProvider clock)
{
    public Task<MessageAck> HandleAsync(Guid id, SendMessage.Request request, StaffMember agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return store.ExecuteAsync(id, c =>
        {
            var result = c.Append(MessageAuthor.Agent, request.Text, clock.GetUtcNow(), request.ClientMessageId, agent.Id, agent.DisplayName);
            return new MessageAck(result.Message.Seq, result.Duplicate);
        }, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/conversations/{id:guid}/messages", async (Guid id, SendMessage.Request request, ClaimsPrincipal user, CurrentAgent current, SendAgentMessage handler, CancellationToken ct) =>
                await handler.HandleAsync(id, request, await current.ResolveAsync(user), ct))
            .WithName("SendAgentMessage");
}
