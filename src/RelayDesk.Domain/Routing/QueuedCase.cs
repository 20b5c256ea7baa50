using RelayDesk.Domain.Escalation;

namespace RelayDesk.Domain.Routing;

/// <summary>
/// A conversation waiting for a person: how urgent, which skills and language it needs, since when a person was asked
/// for, and the agents who already let an offer for it pass (they are not offered it again).
/// </summary>
public sealed record QueuedCase(
    Guid Id,
    EscalationPriority Priority,
    IReadOnlyList<string> Skills,
    string Language,
    DateTimeOffset RequestedAt)
{
    public IReadOnlySet<string> PassedBy { get; init; } = EmptyAgents;

    private static readonly HashSet<string> EmptyAgents = [];

    /// <summary>Never-AI topics and vulnerable customers (urgent) are served before everyone else.</summary>
    public bool FirstInLine => Priority == EscalationPriority.Urgent;
}
