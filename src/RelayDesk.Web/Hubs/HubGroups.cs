namespace RelayDesk.Web.Hubs;

internal static class HubGroups
{
    /// <summary>All connected staff: they see the queue.</summary>
    public const string Agents = "agents";

    /// <summary>The customer connections of one conversation.</summary>
    public static string Customer(Guid conversationId) => $"conversation:{conversationId:N}";

    /// <summary>Staff connections that have a conversation open.</summary>
    public static string Watchers(Guid conversationId) => $"watch:{conversationId:N}";
}
