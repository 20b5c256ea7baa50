namespace RelayDesk.Domain.Conversations;

public sealed record ConversationStarted(Guid ConversationId, string Language, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record MessageAppended(Guid ConversationId, long Seq, MessageAuthor Author, DateTimeOffset OccurredAt)
    : IDomainEvent;

public sealed record HumanRequested(Guid ConversationId, string RuleId, Escalation.EscalationPriority Priority, DateTimeOffset OccurredAt)
    : IDomainEvent;

public sealed record ConversationAssigned(Guid ConversationId, string AgentId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ConversationResolved(Guid ConversationId, string AgentId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ConversationClosed(Guid ConversationId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ConversationReturnedToQueue(Guid ConversationId, string FromAgentId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A waiting conversation was handed to a team by a supervisor (it keeps its place).</summary>
public sealed record ConversationHandedToTeam(Guid ConversationId, string TeamId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ConversationTransferred(Guid ConversationId, string FromAgentId, string ToAgentId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record EmailReplyChosen(Guid ConversationId, DateTimeOffset OccurredAt) : IDomainEvent;
