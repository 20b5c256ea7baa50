using RelayDesk.Domain.Escalation;

namespace RelayDesk.Domain.Routing;

/// <summary>
/// A conversation waiting for a person: how urgent, which skills and language it needs, since when a person was asked
/// for, and the agents who already let an offer for it pass (they are not offered it again). A case handed to a team
/// (<see cref="TeamId"/>) is for that team's agents only.
/// </summary>
public sealed record QueuedCase(
    Guid Id,
    EscalationPriority Priority,
    IReadOnlyList<string> Skills,
    string Language,
    DateTimeOffset RequestedAt)
{
    public IReadOnlySet<string> PassedBy { get; init; } = EmptyAgents;

    /// <summary>The team the case was handed to; null when anyone on the desk may take it.</summary>
    public string? TeamId { get; init; }

    private static readonly HashSet<string> EmptyAgents = [];

    /// <summary>Never-AI topics and vulnerable customers (urgent) are served before everyone else.</summary>
    public bool FirstInLine => Priority == EscalationPriority.Urgent;
}
