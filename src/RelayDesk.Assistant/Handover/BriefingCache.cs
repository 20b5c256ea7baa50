namespace RelayDesk.Assistant.Handover;

/// <summary>
/// The model-written briefings of the conversations agents have open, so that refreshing the workspace does not ask
/// the model again: one entry per conversation state — the conversation, its last message seq and a fingerprint of
/// everything else the prompt is made of (language, agent, the desk's facts). A new message makes a new state, written
/// once; an entry for an older state of the same conversation is dropped when a newer one is added. Requests for a
/// state being written share the one call. Failures (null) are not kept: the next request tries again. Bounded: the
/// least recently used entries go first.
/// </summary>
internal sealed class BriefingCache(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recent = new();

    /// <summary>One conversation state a briefing is written for.</summary>
    public readonly record struct Key(Guid ConversationId, long LastSeq, string Fingerprint);

    private sealed record Entry(Key Key, Task<LlmBriefing?> Briefing);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// The briefing of <paramref name="key"/>: the cached or in-flight one, else the one <paramref name="write"/> starts
    /// now (called at most once per key while it is cached; it must not depend on any one caller's cancellation).
    /// </summary>
    public Task<LlmBriefing?> GetOrAdd(Key key, Func<Task<LlmBriefing?>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Task<LlmBriefing?> briefing;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Briefing;
            }

            foreach (var older in _entries.Keys.Where(k => k.ConversationId == key.ConversationId && k.LastSeq < key.LastSeq).ToList())
            {
                Remove(older);
            }

            // Queued (not run under the lock) and registered before anyone else can look: a second caller for the same
            // key finds this task and never starts its own.
            briefing = Task.Run(write);
            var added = _recent.AddFirst(new Entry(key, briefing));
            _entries[key] = added;
            while (_entries.Count > capacity)
            {
                Remove(_recent.Last!.Value.Key);
            }
        }

        _ = briefing.ContinueWith(
            done =>
            {
                if (done.IsFaulted || done.IsCanceled || done.Result is null)
                {
                    Forget(key, done);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return briefing;
    }

    private void Forget(Key key, Task<LlmBriefing?> briefing)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && node.Value.Briefing == briefing)
            {
                Remove(key);
            }
        }
    }

    private void Remove(Key key)
    {
        if (_entries.Remove(key, out var node))
        {
            _recent.Remove(node);
        }
    }
}
