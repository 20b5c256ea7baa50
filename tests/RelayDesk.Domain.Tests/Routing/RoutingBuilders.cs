using RelayDesk.Domain.Escalation;
using RelayDesk.Domain.Routing;

namespace RelayDesk.Domain.Tests.Routing;

internal static class RoutingBuilders
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static RoutingAgent Agent(string id, string skills = "", string languages = "de,en", int load = 0, int capacity = 3,
        Presence presence = Presence.Online, int idleMinutesAgo = 0, string? team = null) =>
        new(id, RoutingAgent.ParseSkillLevels(skills), languages.Split(','), presence, load, T0.AddMinutes(-idleMinutesAgo), capacity, team);

    public static QueuedCase Case(int n, EscalationPriority priority = EscalationPriority.Normal, string skills = "", string language = "en",
        int requestedMinutesAgo = 0, string? team = null) =>
        new(IdOf(n), priority, skills.Length == 0 ? [] : skills.Split(','), language, T0.AddMinutes(-requestedMinutesAgo)) { TeamId = team };

    public static Guid IdOf(int n) => new($"00000000-0000-0000-0000-{n:000000000000}");
}
