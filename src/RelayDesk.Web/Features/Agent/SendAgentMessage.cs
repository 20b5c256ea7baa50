using System.Security.Claims;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.EmailReplies;

namespace RelayDesk.Web.Features.Agent;

/// <summary>
/// The assigned agent writes to the customer; same acknowledgement and idempotency as the customer side. When the
/// customer chose replies by e-mail and is not in the chat, the message is also queued as a mail (once), and the
/// acknowledgement says where it went (<c>emailedTo</c>, masked).
/// </summary>
public sealed class SendAgentMessage(ConversationStore store, EmailReplyOutbox outbox, TimeProvider clock)
{
    public async Task<MessageAck> HandleAsync(Guid id, SendMessage.Request request, StaffMember agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agent);
        var customerInChat = await outbox.CustomerInChatAsync(id, cancellationToken);
        var ack = await store.ExecuteOnHeadAsync(id, request.ClientMessageId, (c, alsoStored) =>
        {
            var result = c.Append(MessageAuthor.Agent, request.Text, clock.GetUtcNow(), request.ClientMessageId, agent.Id, agent.DisplayName);
            if (!result.Duplicate)
            {
                outbox.QueueIfAway(c, result.Message, customerInChat, alsoStored);
            }

            return new MessageAck(result.Message.Seq, result.Duplicate);
        }, cancellationToken);
        var emailedTo = await outbox.EmailedToAsync(id, ack.Seq, cancellationToken);
        return emailedTo is null ? ack : ack with { EmailedTo = emailedTo };
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/conversations/{id:guid}/messages", async (Guid id, SendMessage.Request request, ClaimsPrincipal user, CurrentAgent current, SendAgentMessage handler, CancellationToken ct) =>
                await handler.HandleAsync(id, request, await current.ResolveAsync(user), ct))
            .WithName("SendAgentMessage");
}
