using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.ScaleOut;
using RelayDesk.Domain;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Infrastructure.ScaleOut;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>How much of a transcript a conversation command reads.</summary>
public enum TranscriptNeed
{
    /// <summary>
    /// The conversation row, its latest message and the earlier message with the command's client message id, if any:
    /// enough to append (sequence, idempotency) and to see who spoke last. The hot path: cost does not grow with the chat.
    /// </summary>
    Head,

    /// <summary>The whole transcript (a command that answers with it).</summary>
    Full,
}

/// <summary>
/// The one writer of conversations in this instance, with group commit: commands queued at the same moment (customer
/// messages, assistant answers, agents' actions) run one after another on the stored state and are committed in one
/// transaction; each caller is released after that commit, so an acknowledgement always names something stored.
/// Nothing in the process competes for the database's write lock with it, so no thread sleeps in a busy retry. Another
/// instance writing the same conversation makes the commit fail on the version token: the batch is then run again on
/// fresh state (and, should it keep failing, command by command), so no write is lost and no conversation is taken twice.
/// What was committed goes to <see cref="IDeskEvents"/> for the pushes, the workspace feed, the assistant and routing.
/// </summary>
public sealed partial class ConversationWriter(
    IServiceScopeFactory scopes,
    IDeskEvents events,
    ThisInstance instance,
    TimeProvider clock,
    ILogger<ConversationWriter> logger) : BackgroundService
{
    /// <summary>The most commands one transaction carries.</summary>
    public const int MaxBatch = 256;

    private const int MaxAttempts = 8;

    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Runs <paramref name="command"/> on the stored conversation and returns its result once the change is committed.</summary>
    public Task<T> ExecuteAsync<T>(Guid id, Func<Conversation, ICollection<object>, T> command, TranscriptNeed need, string? clientMessageId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var write = new Write<T>(id, need, clientMessageId, command, cancellationToken);
        return Enqueue(write);
    }

    /// <summary>Stores a conversation that was just started.</summary>
    public Task<Conversation> AddAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return Enqueue(new Write<Conversation>(conversation.Id, TranscriptNeed.Full, null, (c, _) => c, cancellationToken)
        {
            Started = conversation,
            StartedEvents = conversation.TakeDomainEvents(),
        });
    }

    private Task<T> Enqueue<T>(Write<T> write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new OperationCanceledException("The desk is shutting down.");
        }

        return write.Task;
    }

    /// <summary>
    /// The writer runs on a thread of its own with the database's synchronous calls: its commits never wait behind other
    /// work in the thread pool (assistant turns, pushes), so acknowledgements stay quick when the processor is busy.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stoppingToken.Register(() => _queue.Writer.TryComplete());
        var thread = new Thread(() =>
        {
            try
            {
                Run();
                stopped.TrySetResult();
            }
            catch (Exception exception)
            {
                stopped.TrySetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "RelayDesk conversation writer",
        };
        thread.Start();
        return stopped.Task;
    }

    private void Run()
    {
        var batch = new List<Write>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Cancel();
                }
                else
                {
                    batch.Add(write);
                }
            }

            if (batch.Count > 0)
            {
                // Queued work is finished even while stopping: a caller waiting for its acknowledgement gets it.
                Commit(batch);
            }
        }
    }

    private void Commit(List<Write> batch)
    {
        var pending = new List<Write>(batch);
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            try
            {
                var committed = CommitOnce(pending);
                Release(pending, committed);
                return;
            }
            catch (CommandLeftChangesException broken)
            {
                // A command failed half-way through its changes: run the batch again without it (its error stands).
                pending.Remove(broken.Write);
                broken.Write.Fail(broken.Write.Failure!);
                attempt--;
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts)
            {
                // Another writer (an instance) changed one of these conversations first: run again on what is stored now.
                LogRetry(logger, pending.Count, exception.GetType().Name);
            }
            catch (Exception exception) when (pending.Count > 1)
            {
                // Keeps failing together: each command on its own, so one that cannot be stored does not hold up the rest.
                LogSplit(logger, exception, pending.Count);
                foreach (var write in pending)
                {
                    Commit([write]);
                }

                return;
            }
            catch (Exception exception)
            {
                foreach (var write in pending)
                {
                    write.Fail(exception);
                }

                return;
            }
        }
    }

    private List<CommittedChange> CommitOnce(List<Write> writes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();

        // One connection for the batch's reads and its transaction (opening one is not free: SQLite registers its functions).
        db.Database.OpenConnection();
        var conversations = Load(db, writes);
        var changes = new Dictionary<Guid, CommittedChange>();
        var order = new List<Guid>();
        var extras = new List<object>();
        foreach (var write in writes)
        {
            write.Reset();
            Conversation conversation;
            if (write.Started is { } started)
            {
                db.Conversations.Add(started);
                conversations[started.Id] = conversation = started;
            }
            else if (!conversations.TryGetValue(write.Id, out conversation!))
            {
                write.Failure = new ConversationNotFoundException(write.Id);
                continue;
            }

            var before = Snapshot.Of(conversation);
            extras.Clear();
            try
            {
                write.Run(conversation, extras);
            }
            catch (Exception exception) when (exception is DomainException or ArgumentException or InvalidOperationException)
            {
                write.Failure = exception;
                if (Snapshot.Of(conversation) != before || extras.Count > 0)
                {
                    throw new CommandLeftChangesException(write);
                }

                continue;
            }

            foreach (var extra in extras)
            {
                db.Add(extra);
            }

            var happened = write.StartedEvents ?? conversation.TakeDomainEvents();
            if (!changes.TryGetValue(conversation.Id, out var change))
            {
                change = new CommittedChange(conversation);
                changes[conversation.Id] = change;
                order.Add(conversation.Id);
            }

            change.Events.AddRange(happened);
        }

        ClaimTurns(db, changes.Values);
        if (db.ChangeTracker.HasChanges())
        {
            db.SaveChanges();
        }


        return [.. order.Select(id => changes[id]).Where(c => c.Events.Count > 0)];
    }

    /// <summary>
    /// Reads the batch's conversations: the rows, then the messages each command needs (see <see cref="TranscriptNeed"/>),
    /// in three queries whatever the batch size. Loaded messages join their conversation's transcript (relationship fix-up).
    /// </summary>
    private static Dictionary<Guid, Conversation> Load(RelayDeskDbContext db, List<Write> writes)
    {
        var ids = writes.Where(w => w.Started is null).Select(w => w.Id).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var conversations = db.Conversations.Where(c => ids.Contains(c.Id)).ToDictionary(c => c.Id);
        var full = writes.Where(w => w.Started is null && w.Need == TranscriptNeed.Full).Select(w => w.Id).Distinct().ToList();
        if (full.Count > 0)
        {
            db.Messages.Where(m => full.Contains(m.ConversationId)).Load();
        }

        var heads = ids.Except(full).Where(conversations.ContainsKey).ToList();
        if (heads.Count > 0)
        {
            // Along the (conversation, seq) and (conversation, client id) indexes; a message of another conversation of the
            // batch that happens to match is a real message of its own conversation, so loading it too does no harm.
            var lastSeqs = heads.Select(id => conversations[id].LastSeq).Distinct().ToList();
            var clientIds = writes.Where(w => w.ClientMessageId is not null).Select(w => w.ClientMessageId!).Distinct().ToList();
            db.Messages
                .Where(m => heads.Contains(m.ConversationId))
                .Where(m => lastSeqs.Contains(m.Seq) || (m.ClientMessageId != null && clientIds.Contains(m.ClientMessageId)))
                .Load();
        }

        return conversations;
    }

    /// <summary>
    /// Whoever stores a customer message for the assistant holds its turn: the claim is written in the same transaction,
    /// so this instance answers it without another round-trip, and another instance takes it over only if this one dies.
    /// </summary>
    private void ClaimTurns(RelayDeskDbContext db, IEnumerable<CommittedChange> changes)
    {
        var turns = new Dictionary<Guid, long>();
        foreach (var change in changes)
        {
            var conversation = change.Conversation;
            var appendedByCustomer = change.Events.OfType<MessageAppended>().Any(e => e.Author == MessageAuthor.Customer);
            if (appendedByCustomer && conversation.State == ConversationState.Assistant
                && conversation.Messages.FirstOrDefault(m => m.Seq == conversation.LastSeq) is { Author: MessageAuthor.Customer } last)
            {
                turns[conversation.Id] = last.Seq;
                change.Turn = last.Seq;
            }
        }

        if (turns.Count == 0)
        {
            return;
        }

        var ids = turns.Keys.ToList();
        var claims = db.AssistantTurnClaims.Where(c => ids.Contains(c.ConversationId)).ToDictionary(c => c.ConversationId);
        var now = clock.GetUtcNow();
        foreach (var (id, seq) in turns)
        {
            if (claims.TryGetValue(id, out var claim))
            {
                claim.MessageSeq = seq;
                claim.InstanceId = instance.Id;
                claim.ClaimedAt = now;
            }
            else
            {
                db.AssistantTurnClaims.Add(new AssistantTurnClaim { ConversationId = id, MessageSeq = seq, InstanceId = instance.Id, ClaimedAt = now });
            }
        }
    }

    private void Release(List<Write> writes, List<CommittedChange> committed)
    {
        if (committed.Count > 0)
        {
            events.Committed(committed);
        }

        foreach (var write in writes)
        {
            write.Complete();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} conversation commands met another writer's change ({Error}); running them again on fresh state")]
    private static partial void LogRetry(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} conversation commands could not be stored together; storing them one by one")]
    private static partial void LogSplit(ILogger logger, Exception exception, int count);

    private readonly record struct Snapshot(ConversationState State, int Version, long LastSeq, string Language, int Messages)
    {
        public static Snapshot Of(Conversation c) => new(c.State, c.Version, c.LastSeq, c.Language, c.Messages.Count);
    }

    private sealed class CommandLeftChangesException(Write write) : Exception("A conversation command failed after changing the conversation.")
    {
        public Write Write { get; } = write;
    }

    private abstract class Write(Guid id, TranscriptNeed need, string? clientMessageId, CancellationToken cancellationToken)
    {
        public Guid Id { get; } = id;

        public TranscriptNeed Need { get; } = need;

        public string? ClientMessageId { get; } = clientMessageId;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public Conversation? Started { get; init; }

        /// <summary>What starting the conversation recorded (taken once, so a second attempt publishes it too).</summary>
        public IReadOnlyList<IDomainEvent>? StartedEvents { get; init; }

        public Exception? Failure { get; set; }

        public abstract void Run(Conversation conversation, ICollection<object> extras);

        public abstract void Reset();

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private sealed class Write<T>(Guid id, TranscriptNeed need, string? clientMessageId, Func<Conversation, ICollection<object>, T> command,
        CancellationToken cancellationToken) : Write(id, need, clientMessageId, cancellationToken)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _done.Task;

        public override void Run(Conversation conversation, ICollection<object> extras) => _result = command(conversation, extras);

        public override void Reset()
        {
            _result = default;
            Failure = null;
        }

        public override void Complete()
        {
            if (Failure is not null)
            {
                _done.TrySetException(Failure);
            }
            else
            {
                _done.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception exception) => _done.TrySetException(exception);

        public override void Cancel() => _done.TrySetCanceled(CancellationToken);
    }
}

/// <summary>A conversation and what happened to it in one committed transaction.</summary>
public sealed class CommittedChange(Conversation conversation)
{
    public Conversation Conversation { get; } = conversation;

    public List<IDomainEvent> Events { get; } = [];

    /// <summary>The customer message this instance claimed for the assistant in the same transaction, if any.</summary>
    public long? Turn { get; set; }
}

/// <summary>
/// Where committed changes go: one port for everything that happens after a commit (pushes to customers and agents, the
/// workspace feed, the assistant's inbox, routing), so the write path knows none of them.
/// </summary>
public interface IDeskEvents
{
    /// <summary>Called in commit order, right after the commit; must not block.</summary>
    void Committed(IReadOnlyList<CommittedChange> changes);
}
