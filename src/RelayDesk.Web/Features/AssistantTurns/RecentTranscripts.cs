using System.Collections.Concurrent;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>
/// What an assistant turn reads, kept from the changes this instance committed: the conversation as last stored and its
/// latest messages, gap-free. A turn for a message this instance stored finds everything here and reads nothing from the
/// database; when anything is missing (a restart, a message stored by another instance, a conversation not seen yet) the
/// turn reads the database as before. Only conversations the assistant serves are kept, and at most
/// <see cref="MaxConversations"/> of them.
/// </summary>
public sealed class RecentTranscripts
{
    public const int MaxConversations = 20_000;

    private readonly ConcurrentDictionary<Guid, Snapshot> _snapshots = new();

    /// <summary>A committed change of this instance (called in commit order, before its turn is posted).</summary>
    public void Record(CommittedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var conversation = change.Conversation;
        if (conversation.State != ConversationState.Assistant)
        {
            _snapshots.TryRemove(conversation.Id, out _);
            return;
        }

        var appended = change.Events.OfType<MessageAppended>()
            .Select(e => conversation.Messages.FirstOrDefault(m => m.Seq == e.Seq))
            .OfType<Message>()
            .OrderBy(m => m.Seq)
            .ToList();
        var messages = _snapshots.TryGetValue(conversation.Id, out var known) ? new List<Message>(known.Messages) : [];
        foreach (var message in appended)
        {
            if (messages.Count > 0 && message.Seq != messages[^1].Seq + 1)
            {
                messages.Clear(); // A gap (written elsewhere): start again from here; turns read the database until it fills.
            }

            messages.Add(message);
        }

        if (messages.Count > AssistantTurnHandler.RecentMessages)
        {
            messages.RemoveRange(0, messages.Count - AssistantTurnHandler.RecentMessages);
        }

        if (messages.Count == 0 || messages[^1].Seq != conversation.LastSeq)
        {
            _snapshots.TryRemove(conversation.Id, out _);
            return;
        }

        if (_snapshots.Count >= MaxConversations && !_snapshots.ContainsKey(conversation.Id))
        {
            _snapshots.Clear(); // Rare: a very busy desk; turns read the database until the snapshots are built again.
        }

        _snapshots[conversation.Id] = new Snapshot(conversation, [.. messages]);
    }

    /// <summary>
    /// The conversation as stored up to <paramref name="seq"/> with its latest messages, when they are all known here:
    /// the transcript from its start, or at least <see cref="AssistantTurnHandler.RecentMessages"/> messages.
    /// </summary>
    public bool TryGet(Guid conversationId, long seq, out Conversation conversation, out IReadOnlyList<Message> messages)
    {
        if (_snapshots.TryGetValue(conversationId, out var snapshot) && snapshot.Conversation.LastSeq == seq
            && (snapshot.Messages[0].Seq == 1 || snapshot.Messages.Length >= AssistantTurnHandler.RecentMessages))
        {
            conversation = snapshot.Conversation;
            messages = snapshot.Messages;
            return true;
        }

        conversation = null!;
        messages = [];
        return false;
    }

    private sealed record Snapshot(Conversation Conversation, Message[] Messages);
}
