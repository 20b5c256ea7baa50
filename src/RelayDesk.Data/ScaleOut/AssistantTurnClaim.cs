namespace RelayDesk.Data.ScaleOut;

/// <summary>
/// Which instance answers a conversation's latest customer message: claimed atomically before the assistant is asked,
/// so two instances never answer the same message. One row per conversation; a later message or a dead owner lets
/// another instance take the row over.
/// </summary>
public sealed class AssistantTurnClaim
{
    public Guid ConversationId { get; init; }

    /// <summary>The customer message (its sequence number) being answered.</summary>
    public long MessageSeq { get; set; }

    public required string InstanceId { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }
}
