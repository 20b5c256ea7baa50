using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Agent;

/// <summary>Reads for the agent side: the queue and an agent's own conversations.</summary>
public sealed class AgentQueries(RelayDeskDbContext db)
{
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(CancellationToken cancellationToken)
    {
        var queued = await db.Conversations.AsNoTracking()
            .Where(c => c.State == ConversationState.Queued)
            .InQueueOrder()
            .Select(c => new
            {
                Conversation = c,
                LastCustomerMessage = c.Messages.Where(m => m.Author == MessageAuthor.Customer)
                    .OrderByDescending(m => m.Seq).Select(m => m.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return [.. queued.Select((q, index) => new QueueItem(
            q.Conversation.Id, index + 1, q.Conversation.Language, q.Conversation.QueuedAt!.Value,
            EscalationView.From(q.Conversation), Preview(q.LastCustomerMessage)))];
    }

    /// <summary>Conversations assigned to the agent that are still open, oldest first.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> MineAsync(string agentId, CancellationToken cancellationToken)
    {
        var mine = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedAgentId == agentId && c.State == ConversationState.Assigned)
            .OrderBy(c => c.AssignedAt)
            .ToListAsync(cancellationToken);
        return [.. mine.Select(ConversationSummary.From)];
    }

    private static string? Preview(string? text) =>
        text is null || text.Length <= 140 ? text : string.Concat(text.AsSpan(0, 139), "…");
}
