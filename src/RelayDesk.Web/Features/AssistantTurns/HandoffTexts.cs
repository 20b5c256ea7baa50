namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>What the customer reads when a person is being brought in.</summary>
internal static class HandoffTexts
{
    public static string FindingPerson(string language) => language == "de"
        ? "Ich verbinde Sie mit einem Menschen aus unserem Team. Sie können hier weiterschreiben – Ihre Nachrichten gehen nicht verloren."
        : "I'm connecting you with a person from our team. You can keep writing here – nothing you send gets lost.";
}
