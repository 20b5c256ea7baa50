namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>What the customer reads when a person is being brought in.</summary>
internal static class HandoffTexts
{
    public static string FindingPerson(string language) => language == "de"
        ? "Ich verbinde Sie mit einem Menschen aus unserem Team. Sie können hier weiterschreiben – Ihre Nachrichten gehen nicht verloren."
        : "I'm connecting you with a person from our team. You can keep writing here – nothing you send gets lost.";

    /// <summary>The first line of one answer to several messages the customer sent in a row.</summary>
    public static string CoveringMessages(string language, int count) => language == "de"
        ? $"Zu Ihren letzten {count} Nachrichten:"
        : $"About your last {count} messages:";
}
