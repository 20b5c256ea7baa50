namespace RelayDesk.Data.ScaleOut;

/// <summary>
/// A live real-time connection held by one instance: an agent's workspace (AgentHub connection or Blazor circuit) or a
/// customer's chat (CustomerHub). Lets every instance answer "is this agent / customer connected anywhere".
/// </summary>
public sealed class LiveConnection
{
    /// <summary>The SignalR connection id, or a circuit's own id; unique across instances.</summary>
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public required LiveConnectionKind Kind { get; init; }

    /// <summary>The agent's user id, or the customer's conversation id.</summary>
    public required string Subject { get; init; }

    public DateTimeOffset ConnectedAt { get; init; }
}

public enum LiveConnectionKind
{
    Agent,
    Customer,
}
