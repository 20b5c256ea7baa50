using System.Security.Claims;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>
/// A customer writes. The message is acknowledged only after it is committed; a retry with the same client message id
/// returns the first acknowledgement and stores nothing. The assistant's answer follows asynchronously.
/// </summary>
public sealed class SendMessage(ConversationStore store, TimeProvider clock)
{
    public sealed record Request(string? ClientMessageId, string? Text);

    public Task<MessageAck> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return store.ExecuteOnHeadAsync(id, request.ClientMessageId, (conversation, _) =>
        {
            var result = conversation.Append(MessageAuthor.Customer, request.Text, clock.GetUtcNow(), request.ClientMessageId);
            return new MessageAck(result.Message.Seq, result.Duplicate);
        }, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/messages", (Guid id, Request request, ClaimsPrincipal user, SendMessage handler, CancellationToken ct) =>
                handler.HandleAsync(CustomerAccess.EnsureOwn(user, id), request, ct))
            .RequireRateLimiting(RateLimitPolicies.ConversationWrites)
            .WithName("SendMessage");
}
