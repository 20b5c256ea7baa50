using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>The transcript after a sequence number: how a client catches up after being away.</summary>
public sealed class GetMessages(RelayDeskDbContext db)
{
    public async Task<MessageList> HandleAsync(Guid id, long after, CancellationToken cancellationToken)
    {
        if (after < 0)
        {
            throw new DomainException("messages.after_invalid", "'after' must be zero or a sequence number already seen.");
        }

        if (!await db.Conversations.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new ConversationNotFoundException(id);
        }

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id && m.Seq > after)
            .OrderBy(m => m.Seq)
            .ToListAsync(cancellationToken);
        return new MessageList([.. messages.Select(MessageView.From)]);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/messages", (Guid id, long? after, ClaimsPrincipal user, GetMessages handler, CancellationToken ct) =>
                handler.HandleAsync(CustomerAccess.EnsureOwn(user, id), after ?? 0, ct))
            .WithName("GetMessages");
}
