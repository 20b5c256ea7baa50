namespace RelayDesk.Domain.Routing;

/// <summary>
/// An agent as routing sees them: topic skills with levels (1 = basic … 5 = expert), the languages they serve in, how
/// many chats they take at once, whether they are here, how many chats they have now, and since when they have been
/// without a new chat.
/// </summary>
public sealed record RoutingAgent(
    string Id,
    IReadOnlyDictionary<string, int> SkillLevels,
    IReadOnlyCollection<string> Languages,
    Presence Presence,
    int Load,
    DateTimeOffset IdleSince,
    int Capacity = RoutingAgent.DefaultCapacity,
    string? TeamId = null)
{
    /// <summary>Concurrent chats an agent takes unless configured otherwise.</summary>
    public const int DefaultCapacity = 3;

    public int FreeSlots => Math.Max(0, Capacity - Load);

    /// <summary>Whether this agent has every skill and the language a case needs (regardless of presence and load).</summary>
    public bool IsQualifiedFor(IReadOnlyCollection<string> skills, string language)
    {
        ArgumentNullException.ThrowIfNull(skills);
        return Languages.Contains(language) && skills.All(SkillLevels.ContainsKey);
    }

    /// <summary>Parses <c>payments:3,returns</c> (a skill without a level is level 1).</summary>
    public static IReadOnlyDictionary<string, int> ParseSkillLevels(string? text)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? part : part[..colon]).ToLowerInvariant();
            var level = colon < 0 || !int.TryParse(part.AsSpan(colon + 1), System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? 1 : Math.Clamp(parsed, 1, 5);
            if (name.Length > 0)
            {
                levels[name] = level;
            }
        }

        return levels;
    }

    public static string FormatSkillLevels(IReadOnlyDictionary<string, int> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return string.Join(',', levels.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{l.Key}:{l.Value}")));
    }
}
