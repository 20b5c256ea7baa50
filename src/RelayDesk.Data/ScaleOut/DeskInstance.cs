namespace RelayDesk.Data.ScaleOut;

/// <summary>
/// One running app instance of the desk. It writes a heartbeat now and then; an instance whose heartbeat is older than
/// the instance timeout counts as dead, and what it held (live connections, assistant turns) is taken over or dropped.
/// </summary>
public sealed class DeskInstance
{
    public required string Id { get; init; }

    /// <summary>The machine or container name, for operators reading the table.</summary>
    public string Host { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset HeartbeatAt { get; set; }
}
