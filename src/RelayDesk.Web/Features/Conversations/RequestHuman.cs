using System.Security.Claims;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;
using RelayDesk.Web.Features.AssistantTurns;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>
/// The customer presses "Talk to a human". Honoured in every open state without asking the assistant: the
/// conversation is queued (or stays with the person who already has it).
/// </summary>
public sealed class RequestHuman(ConversationStore store, QueueQueries queue, TimeProvider clock)
{
    public async Task<ConversationView> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversation = await store.ExecuteAsync(id, c =>
        {
            if (c.State is ConversationState.Assistant or ConversationState.Resolved)
            {
                var now = clock.GetUtcNow();
                c.Append(MessageAuthor.System, HandoffTexts.FindingPerson(c.Language), now);
                c.RequestHuman(EscalationDecision.Button, now);
            }
            else if (c.State == ConversationState.Closed)
            {
                c.RequestHuman(EscalationDecision.Button, clock.GetUtcNow()); // Refused with a clear message: start a new chat.
            }

            return c;
        }, cancellationToken);
        return await queue.ViewAsync(conversation, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/human", (Guid id, ClaimsPrincipal user, RequestHuman handler, CancellationToken ct) =>
                handler.HandleAsync(CustomerAccess.EnsureOwn(user, id), ct))
            .RequireRateLimiting(RateLimitPolicies.ConversationWrites)
            .WithName("RequestHuman")
            .WithSummary("Ask for a person. Always honoured while the conversation is open.");
}
