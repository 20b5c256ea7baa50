using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Hubs;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>
/// Runs a command on one conversation: load, change through the aggregate, commit, then publish what happened.
/// A concurrent writer (another message, another agent accepting) makes the commit fail on the version token; the
/// command is then re-run on fresh state, so no write is lost and no conversation is taken twice.
/// </summary>
public sealed class ConversationStore(RelayDeskDbContext db, DeskNotifier notifier)
{
    private const int MaxAttempts = 8;

    public async Task<Conversation> AddAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        db.Conversations.Add(conversation);
        var events = conversation.TakeDomainEvents();
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync(conversation, events, cancellationToken);
        return conversation;
    }

    public async Task<T> ExecuteAsync<T>(Guid id, Func<Conversation, T> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var conversation = await LoadAsync(id, cancellationToken) ?? throw new ConversationNotFoundException(id);
            var result = command(conversation);
            var events = conversation.TakeDomainEvents();
            if (events.Count == 0 && !db.ChangeTracker.HasChanges())
            {
                return result;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Lost a race with another writer of this conversation (version token or unique seq): retry on fresh state.
                continue;
            }

            await notifier.PublishAsync(conversation, events, cancellationToken);
            return result;
        }
    }

    public Task<Conversation?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Conversations.Include(c => c.Messages).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
}
