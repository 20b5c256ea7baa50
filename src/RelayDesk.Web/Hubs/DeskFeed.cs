namespace RelayDesk.Web.Hubs;

/// <summary>
/// In-process change feed for the server-rendered workspace (Blazor circuits live in this process, so they subscribe
/// here instead of opening a SignalR connection to their own server).
/// </summary>
public sealed class DeskFeed
{
    public event Action<DeskChange>? Changed;

    public void Publish(DeskChange change) => Changed?.Invoke(change);
}

/// <param name="ConversationId">The conversation that changed.</param>
/// <param name="QueueChanged">Whether the queue's membership or order changed.</param>
public sealed record DeskChange(Guid ConversationId, bool QueueChanged);
