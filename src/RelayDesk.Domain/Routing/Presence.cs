namespace RelayDesk.Domain.Routing;

/// <summary>Whether an agent takes chats: online agents are offered chats, away agents may still pick one, offline agents neither.</summary>
public enum Presence
{
    Offline = 0,
    Away = 1,
    Online = 2,
}

public static class PresenceNames
{
    /// <summary>Presence travels as lower-case words: online, away, offline.</summary>
    public static string ToWire(this Presence presence) => presence.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out Presence presence)
    {
        switch (value)
        {
            case "online":
                presence = Presence.Online;
                return true;
            case "away":
                presence = Presence.Away;
                return true;
            case "offline":
                presence = Presence.Offline;
                return true;
            default:
                presence = Presence.Offline;
                return false;
        }
    }
}
