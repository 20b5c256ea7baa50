using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Assistant;

/// <summary>
/// The customer-facing assistant. Implementations answer one turn and report signals; they never decide a
/// hand-off themselves (the domain's escalation policy does) and may fail — callers treat a failure as a reason to
/// bring in a person.
/// </summary>
public interface IAssistant
{
    /// <summary>The first message of a new conversation, in the customer's language.</summary>
    string Greeting(string language);

    Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken);
}

/// <summary>
/// One customer turn as the assistant sees it. <paramref name="CustomerId"/> is the signed-in customer the conversation
/// belongs to (null for an anonymous visitor): account errands are only possible with one. <paramref name="History"/>
/// holds the conversation's earlier messages, oldest first (empty when the caller has none to give).
/// </summary>
public sealed record AssistantTurn(
    Guid ConversationId,
    string Language,
    string Text,
    string? CustomerId = null,
    IReadOnlyList<AssistantHistoryLine>? History = null)
{
    /// <summary>The earlier messages, never null.</summary>
    public IReadOnlyList<AssistantHistoryLine> Previous => History ?? [];
}

/// <summary>One earlier message of the conversation: who wrote it and what it said.</summary>
public sealed record AssistantHistoryLine(MessageAuthor Author, string Text);

/// <summary>The assistant's answer (null when it has nothing to say) and what it noticed.</summary>
public sealed record AssistantReply(string? Text, TurnSignals Signals, string? ArticleId = null);
