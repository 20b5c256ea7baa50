using RelayDesk.Domain.Routing;

namespace RelayDesk.Data.Routing;

/// <summary>What routing keeps about an agent beyond their account: presence, capacity, skill levels and team.</summary>
public sealed class AgentRoutingState
{
    public const string DefaultTeamId = "desk";

    public string AgentId { get; set; } = string.Empty;

    public Presence Presence { get; set; } = Presence.Offline;

    public DateTimeOffset PresenceChangedAt { get; set; }

    /// <summary>Concurrent chats the agent takes (default 3).</summary>
    public int Capacity { get; set; } = RoutingAgent.DefaultCapacity;

    /// <summary>Skill levels as <c>payments:3,returns:2</c>; skills of the account without a level here count as level 1.</summary>
    public string SkillLevels { get; set; } = string.Empty;

    public string TeamId { get; set; } = DefaultTeamId;

    /// <summary>When the agent last got a new chat (or came online): the longest idle agent is offered first.</summary>
    public DateTimeOffset IdleSince { get; set; }

    /// <summary>When the agent's last workspace connection dropped while online; null while connected.</summary>
    public DateTimeOffset? DisconnectedAt { get; set; }
}

/// <summary>A team and its business hours (in its own time zone); holidays as comma-separated ISO dates.</summary>
public sealed class RoutingTeam
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = "Europe/Berlin";

    public TimeSpan Opens { get; set; } = TimeSpan.FromHours(8);

    public TimeSpan Closes { get; set; } = TimeSpan.FromHours(20);

    /// <summary>Open weekdays as comma-separated numbers (0 = Sunday … 6 = Saturday).</summary>
    public string Days { get; set; } = "1,2,3,4,5,6";

    public string Holidays { get; set; } = string.Empty;

    public BusinessHours ToBusinessHours() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId), Opens, Closes,
        Days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(),
        Holidays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet());
}
