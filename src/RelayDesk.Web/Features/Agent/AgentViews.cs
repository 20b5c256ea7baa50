using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Agent;

/// <summary>A queued conversation as agents see it in the queue.</summary>
public sealed record QueueItem(
    Guid Id,
    int Position,
    string Language,
    DateTimeOffset WaitingSince,
    string? HandoffReason,
    string? LastCustomerMessage);

/// <summary>A conversation's state as agents see it (no transcript).</summary>
public sealed record ConversationSummary(
    Guid Id,
    string State,
    string Language,
    string? HandoffReason,
    DateTimeOffset StartedAt,
    DateTimeOffset? HumanRequestedAt,
    string? AssignedAgentId,
    string? AssignedAgent)
{
    public static ConversationSummary From(Conversation c) => new(
        c.Id, c.State.ToWire(), c.Language, c.HandoffReason, c.StartedAt, c.HumanRequestedAt, c.AssignedAgentId,
        c.AssignedAgentName);
}

/// <summary>A conversation with its whole transcript, the assistant's part included.</summary>
public sealed record ConversationDetail(
    Guid Id,
    string State,
    string Language,
    string? HandoffReason,
    DateTimeOffset StartedAt,
    DateTimeOffset? HumanRequestedAt,
    string? AssignedAgentId,
    string? AssignedAgent,
    IReadOnlyList<MessageView> Messages)
{
    public static ConversationDetail From(Conversation c) => new(
        c.Id, c.State.ToWire(), c.Language, c.HandoffReason, c.StartedAt, c.HumanRequestedAt, c.AssignedAgentId,
        c.AssignedAgentName, [.. c.Messages.OrderBy(m => m.Seq).Select(MessageView.From)]);
}

public sealed record QueueList(IReadOnlyList<QueueItem> Queue);

public sealed record AgentConversationList(IReadOnlyList<ConversationSummary> Conversations);
