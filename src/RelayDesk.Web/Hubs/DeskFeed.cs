namespace RelayDesk.Web.Hubs;

/// <summary>
/// In-process change feed for the server-rendered workspace (Blazor circuits live in this process, so they subscribe
/// here instead of opening a SignalR connection to their own server). With several instances, what is published here
/// is also forwarded to the other instances (see <c>RedisDeskFeed</c>), which raise it for their own circuits.
/// </summary>
public sealed class DeskFeed
{
    private Action<DeskChange>? _forward;

    public event Action<DeskChange>? Changed;

    /// <summary>A change made by this instance: raised here and forwarded to the other instances.</summary>
    public void Publish(DeskChange change)
    {
        Changed?.Invoke(change);
        _forward?.Invoke(change);
    }

    /// <summary>A change made by another instance: raised here only.</summary>
    internal void Receive(DeskChange change) => Changed?.Invoke(change);

    internal void ForwardTo(Action<DeskChange>? forward) => _forward = forward;
}

/// <param name="ConversationId">The conversation that changed.</param>
/// <param name="QueueChanged">Whether the queue's membership or order changed.</param>
public sealed record DeskChange(Guid ConversationId, bool QueueChanged);
