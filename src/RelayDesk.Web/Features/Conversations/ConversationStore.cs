using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>
/// Runs a command on one conversation: the command changes the stored conversation through the aggregate, the change is
/// committed (together with whatever else was written at the same moment, see <see cref="ConversationWriter"/>), and
/// then published. A concurrent writer on another instance makes the commit fail on the version token; the command is
/// then re-run on fresh state, so no write is lost and no conversation is taken twice.
/// </summary>
public sealed class ConversationStore(RelayDeskDbContext db, ConversationWriter writer)
{
    public Task<Conversation> AddAsync(Conversation conversation, CancellationToken cancellationToken) =>
        writer.AddAsync(conversation, cancellationToken);

    /// <summary>A command that reads the whole transcript (or returns it).</summary>
    public Task<T> ExecuteAsync<T>(Guid id, Func<Conversation, T> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return writer.ExecuteAsync(id, (c, _) => command(c), TranscriptNeed.Full, null, cancellationToken);
    }

    /// <summary>
    /// A command on the conversation's head (its row, latest message and the message with <paramref name="clientMessageId"/>):
    /// appending, answering, handing over. It may add rows of its own to the same transaction (e.g. an outbox mail).
    /// </summary>
    public Task<T> ExecuteOnHeadAsync<T>(Guid id, string? clientMessageId, Func<Conversation, ICollection<object>, T> command,
        CancellationToken cancellationToken) =>
        writer.ExecuteAsync(id, command, TranscriptNeed.Head, clientMessageId, cancellationToken);

    /// <summary>The conversation with its whole transcript, read-only.</summary>
    public Task<Conversation?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking().Include(c => c.Messages).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The conversation without its transcript, read-only.</summary>
    public Task<Conversation?> LoadRowAsync(Guid id, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>
    /// The conversation with its latest <paramref name="messages"/> messages only (an assistant turn): two reads along the
    /// keys, so the cost does not grow with the transcript. For reading; changes go through the writer.
    /// </summary>
    public async Task<Conversation?> LoadRecentAsync(Guid id, int messages, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await db.Database.OpenConnectionAsync(cancellationToken); // Both reads on one connection; closed with the scope.
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is not null)
        {
            // Tracked, so the messages join the conversation's transcript.
            var after = conversation.LastSeq - messages;
            await db.Messages.Where(m => m.ConversationId == id && m.Seq > after).LoadAsync(cancellationToken);
        }

        return conversation;
    }
}
