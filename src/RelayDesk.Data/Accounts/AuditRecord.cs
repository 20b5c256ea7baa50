namespace RelayDesk.Data.Accounts;

/// <summary>
/// One account errand as it happened: who ran it (assistant, agent or customer, and their id), which errand on which
/// customer and purchase, the outcome, the purchase before and after (JSON), when, and from which conversation.
/// Refused and not-allowed attempts are recorded too. The idempotency key and the stored result let a retried call
/// get the first answer back.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary><c>assistant</c>, <c>agent</c> or <c>customer</c>.</summary>
    public string ActorKind { get; set; } = string.Empty;

    public string ActorId { get; set; } = string.Empty;

    /// <summary>The errand's name, e.g. <c>extend-due-date</c>.</summary>
    public string Errand { get; set; } = string.Empty;

    /// <summary>The customer the caller acted for (null for an anonymous caller).</summary>
    public string? CustomerId { get; set; }

    public string? PurchaseNumber { get; set; }

    public Guid? ConversationId { get; set; }

    /// <summary>done, refused, not-allowed, not-found, invalid, login-required.</summary>
    public string Outcome { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>The errand's answer (JSON), returned again when the same idempotency key is retried.</summary>
    public string? Result { get; set; }
}

/// <summary>An e-mail waiting to be sent (the outbox); a mail relay picks it up. The desk itself sends nothing.</summary>
public sealed class OutboundEmail
{
    public Guid Id { get; set; }

    public string CustomerId { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string? PurchaseNumber { get; set; }

    /// <summary>For an agent's reply sent by e-mail: the conversation and the message's place in it (one mail per message).</summary>
    public Guid? ConversationId { get; set; }

    public long? MessageSeq { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
