namespace RelayDesk.Domain.Conversations;

/// <summary>Where a conversation stands. Transitions are guarded by <see cref="Conversation"/>.</summary>
public enum ConversationState
{
    /// <summary>The assistant is serving the customer.</summary>
    Assistant,

    /// <summary>A human was requested or required; waiting for an agent.</summary>
    Queued,

    /// <summary>An agent has taken the conversation.</summary>
    Assigned,

    /// <summary>The agent resolved the case; the customer may still ask for a person again.</summary>
    Resolved,

    /// <summary>Terminal: nothing more can be written.</summary>
    Closed,
}
