namespace RelayDesk.Cli.Load;

/// <summary>
/// One customer message of the run. Times are <see cref="TimeProvider"/> timestamps; latency is measured from
/// <see cref="ScheduledAt"/> (when the open-loop schedule wanted it sent), not from when the client got round to it,
/// so a client or server that falls behind shows up in the figures instead of hiding (coordinated omission).
/// </summary>
internal sealed class SentMessage(string clientMessageId, string text, long scheduledAt, bool inWindow)
{
    public string ClientMessageId { get; } = clientMessageId;

    public string Text { get; } = text;

    public long ScheduledAt { get; } = scheduledAt;

    /// <summary>Scheduled in the measured window (after warm-up): its latencies count.</summary>
    public bool InWindow { get; } = inWindow;

    /// <summary>The acknowledged sequence number; null while in flight or when the send failed.</summary>
    public long? AckSeq { get; set; }

    public bool Failed { get; set; }

    public bool Answered { get; set; }

    /// <summary>The conversation had left the assistant (queued for a person, with an agent) when or after it was sent: the assistant will not answer it.</summary>
    public bool HandedOver { get; set; }

    public bool Completed => AckSeq is not null || Failed;
}
