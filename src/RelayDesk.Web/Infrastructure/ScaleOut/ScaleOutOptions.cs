namespace RelayDesk.Web.Infrastructure.ScaleOut;

/// <summary>How instances of a scaled-out desk keep track of each other through the shared database.</summary>
public sealed class ScaleOutOptions
{
    public const string Section = "ScaleOut";

    /// <summary>How often an instance writes its heartbeat. Default 10 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// An instance whose heartbeat is older than this counts as dead: its workspace connections no longer keep agents
    /// online and another instance takes over its assistant turns. Default 45 s; must exceed the heartbeat interval.
    /// </summary>
    public TimeSpan InstanceTimeout { get; set; } = TimeSpan.FromSeconds(45);

    internal bool IsValid() => HeartbeatInterval > TimeSpan.Zero && InstanceTimeout > HeartbeatInterval;
}

/// <summary>The SignalR backplane that lets clients on different instances reach each other.</summary>
public sealed class BackplaneOptions
{
    public const string Section = "SignalR";

    /// <summary>
    /// A StackExchange.Redis connection string (e.g. <c>localhost:6379</c>). When set, hub messages and the workspace's
    /// change feed go through Redis so every instance sees them. Default unset: a single instance.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis channel the desk uses, so several desks can share one Redis. Default <c>relaydesk</c>.</summary>
    public string ChannelPrefix { get; set; } = "relaydesk";
}
