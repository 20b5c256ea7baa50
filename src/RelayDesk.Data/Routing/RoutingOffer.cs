namespace RelayDesk.Data.Routing;

public enum OfferOutcome
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    TimedOut = 3,

    /// <summary>The conversation was taken otherwise (pulled from the queue, closed) before the agent answered.</summary>
    Withdrawn = 4,
}

/// <summary>A conversation offered to one agent, who accepts or declines before the offer expires.</summary>
public sealed class RoutingOffer
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public string AgentId { get; set; } = string.Empty;

    public DateTimeOffset OfferedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public OfferOutcome Outcome { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Why the case went to this agent, as the routing decision explained it.</summary>
    public string Why { get; set; } = string.Empty;
}

public enum CallbackStatus
{
    Booked = 0,

    /// <summary>Its time came: the conversation is back in the agent queue.</summary>
    Due = 1,
    Cancelled = 2,
}

/// <summary>A callback the customer booked: at its slot, the conversation joins the agent queue.</summary>
public sealed class CallbackBooking
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public DateTimeOffset SlotStart { get; set; }

    public DateTimeOffset BookedAt { get; set; }

    public CallbackStatus Status { get; set; }

    /// <summary>
    /// Which of the slot's places (0 … callbacks per slot − 1) the booking holds: unique among a slot's booked
    /// callbacks, so the database refuses an overbooking also when two instances book the last place at once.
    /// </summary>
    public int Place { get; set; }
}

/// <summary>One request for a person and how it ended for the human-access SLA; a breach carries its cause.</summary>
public sealed class HumanAccessEntry
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? ConnectedAt { get; set; }

    public DateTimeOffset? CallbackBookedAt { get; set; }

    /// <summary>When the customer chose "keep my place and reply by e-mail" for this request; it counts like a booked callback.</summary>
    public DateTimeOffset? EmailReplyChosenAt { get; set; }

    public DateTimeOffset? BreachedAt { get; set; }

    public RelayDesk.Domain.Routing.BreachCause? BreachCause { get; set; }
}

/// <summary>A staff-only note left when a conversation is handed to another agent or team.</summary>
public sealed class HandoverNote
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public string FromAgentId { get; set; } = string.Empty;

    public string FromAgentName { get; set; } = string.Empty;

    public string? ToAgentId { get; set; }

    public string? ToTeamId { get; set; }

    public string Note { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
