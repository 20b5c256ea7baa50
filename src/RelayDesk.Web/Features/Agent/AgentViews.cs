using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Agent;

/// <summary>Why a person was brought in: the rule, its evidence, how urgent, and the skills needed.</summary>
public sealed record EscalationView(string Reason, string RuleId, string? Evidence, string Priority, IReadOnlyList<string> Skills)
{
    public static EscalationView? From(Conversation c) => c.Escalation is { } e
        ? new EscalationView(e.Reason, e.RuleId, e.Evidence, e.Priority.ToString().ToLowerInvariant(), e.Skills)
        : null;
}

/// <summary>A queued conversation as agents see it in the queue.</summary>
public sealed record QueueItem(
    Guid Id,
    int Position,
    string Language,
    DateTimeOffset WaitingSince,
    EscalationView? Escalation,
    string? LastCustomerMessage,
    string? Why = null);

/// <summary>A conversation's state as agents see it (no transcript).</summary>
public sealed record ConversationSummary(
    Guid Id,
    string State,
    string Language,
    EscalationView? Escalation,
    DateTimeOffset StartedAt,
    DateTimeOffset? HumanRequestedAt,
    string? AssignedAgentId,
    string? AssignedAgent)
{
    public static ConversationSummary From(Conversation c) => new(
        c.Id, c.State.ToWire(), c.Language, EscalationView.From(c), c.StartedAt, c.HumanRequestedAt, c.AssignedAgentId,
        c.AssignedAgentName);
}

/// <summary>A conversation with its whole transcript, the assistant's part included.</summary>
public sealed record ConversationDetail(
    Guid Id,
    string State,
    string Language,
    EscalationView? Escalation,
    DateTimeOffset StartedAt,
    DateTimeOffset? HumanRequestedAt,
    string? AssignedAgentId,
    string? AssignedAgent,
    IReadOnlyList<MessageView> Messages,
    EmailReplyView? EmailReply = null)
{
    public static ConversationDetail From(Conversation c) => new(
        c.Id, c.State.ToWire(), c.Language, EscalationView.From(c), c.StartedAt, c.HumanRequestedAt, c.AssignedAgentId,
        c.AssignedAgentName, [.. c.Messages.OrderBy(m => m.Seq).Select(MessageView.From)], EmailReplyView.Of(c));
}

public sealed record QueueList(IReadOnlyList<QueueItem> Queue);

public sealed record AgentConversationList(IReadOnlyList<ConversationSummary> Conversations);
