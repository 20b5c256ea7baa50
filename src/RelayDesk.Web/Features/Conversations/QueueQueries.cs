using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>Reads of the human queue: the most urgent first, then first come, first served.</summary>
public sealed class QueueQueries(RelayDeskDbContext db)
{
    /// <summary>Queued conversations as ids in queue order.</summary>
    public async Task<IReadOnlyList<Guid>> QueuedIdsAsync(CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.State == ConversationState.Queued)
            .InQueueOrder()
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);

    /// <summary>1-based place in the queue, or null when the conversation is not queued.</summary>
    public async Task<int?> PositionAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        if (conversation.State != ConversationState.Queued)
        {
            return null;
        }

        var ids = await QueuedIdsAsync(cancellationToken);
        var index = ids.ToList().IndexOf(conversation.Id);
        return index < 0 ? null : index + 1;
    }

    public async Task<ConversationView> ViewAsync(Conversation conversation, CancellationToken cancellationToken) =>
        new(conversation.Id, conversation.State.ToWire(), await PositionAsync(conversation, cancellationToken),
            conversation.AssignedAgentName);
}

public static class QueueOrdering
{
    /// <summary>Urgent (vulnerability, hardship, fraud) before high before normal; within a priority, longest waiting first.</summary>
    public static IOrderedQueryable<Conversation> InQueueOrder(this IQueryable<Conversation> queued) =>
        queued.OrderByDescending(c => c.EscalationPriority).ThenBy(c => c.QueuedAt).ThenBy(c => c.Id);
}
