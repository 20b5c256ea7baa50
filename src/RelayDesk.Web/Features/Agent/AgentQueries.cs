using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.Routing;

namespace RelayDesk.Web.Features.Agent;

/// <summary>Reads for the agent side: the queue and an agent's own conversations.</summary>
public sealed class AgentQueries(RelayDeskDbContext db, RoutingPictureLoader routing)
{
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(CancellationToken cancellationToken, RoutingPicture? loaded = null)
    {
        var queued = await db.Conversations.AsNoTracking()
            .Where(c => c.State == ConversationState.Queued)
            .Select(c => new
            {
                Conversation = c,
                LastCustomerMessage = c.Messages.Where(m => m.Author == MessageAuthor.Customer)
                    .OrderByDescending(m => m.Seq).Select(m => m.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Routing's order (urgent first, aged priority, then longest waiting); callbacks join when their time comes.
        var picture = loaded ?? await routing.LoadAsync(cancellationToken);
        var byId = queued.ToDictionary(q => q.Conversation.Id);
        return [.. picture.Board.InOrder().Where(c => byId.ContainsKey(c.Id)).Select((c, index) =>
        {
            var q = byId[c.Id];
            return new QueueItem(q.Conversation.Id, index + 1, q.Conversation.Language, q.Conversation.QueuedAt!.Value,
                EscalationView.From(q.Conversation), Preview(q.LastCustomerMessage), picture.Board.Explain(c.Id, picture.Now));
        })];
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
