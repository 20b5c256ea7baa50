using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.EmailReplies;

/// <summary>
/// "Keep my place and reply by e-mail": the waiting customer leaves an address; the conversation stays in the queue,
/// and while the customer is away from the chat every message an agent writes is queued in the e-mail outbox for them.
/// A chat linked to a signed-in customer may leave the address out: their account's address is used.
/// </summary>
public sealed class ChooseEmailReply(ConversationStore store, RelayDeskDbContext db, QueueQueries queue, TimeProvider clock)
{
    public sealed record Request(string? Email);

    public async Task<ConversationView> HandleAsync(Guid id, Request? request, CancellationToken cancellationToken)
    {
        var email = request?.Email;
        if (string.IsNullOrWhiteSpace(email))
        {
            var customerId = await db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => c.CustomerId).SingleOrDefaultAsync(cancellationToken);
            email = customerId is null
                ? throw new DomainException("email.missing", "An e-mail address is required.")
                : await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Email).SingleOrDefaultAsync(cancellationToken);
        }

        var conversation = await store.ExecuteAsync(id, c =>
        {
            if (c.ChooseEmailReply(email, clock.GetUtcNow()))
            {
                c.Append(MessageAuthor.System, EmailReplyTexts.Chosen(c.Language, c.EmailReplyTo!), clock.GetUtcNow());
            }

            return c;
        }, cancellationToken);
        return await queue.ViewAsync(conversation, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/email-reply", (Guid id, Request? request, ClaimsPrincipal user, ChooseEmailReply handler, CancellationToken ct) =>
                handler.HandleAsync(CustomerAccess.EnsureOwn(user, id), request, ct))
            .RequireRateLimiting(RateLimitPolicies.ConversationWrites)
            .WithName("ChooseEmailReply")
            .WithSummary("Keep the place in the queue and get the agents' replies by e-mail while away from the chat.");
}
