namespace RelayDesk.Assistant.Conversation;

/// <summary>What the embedded assistant says, per language. German first: the seed market is German-speaking.</summary>
internal static class AssistantTexts
{
    public static string Greeting(string language) => language == "de"
        ? "Hallo! Ich bin der digitale Assistent. Fragen Sie mich zu Zahlungen, Fälligkeiten, Rücksendungen, Erstattungen oder Ihrem Konto. Sie können jederzeit mit einem Menschen sprechen – drücken Sie einfach „Mit einem Menschen sprechen“."
        : "Hi! I'm the digital assistant. Ask me about payments, due dates, returns, refunds or your account. You can talk to a person at any time – just press \"Talk to a human\".";

    public static string Answer(string language, string title, string body) => language == "de"
        ? $"{title}\n\n{body}\n\nHat das geholfen? Wenn nicht, fragen Sie gern mit anderen Worten – oder sprechen Sie mit einem Menschen."
        : $"{title}\n\n{body}\n\nDid that help? If not, ask me in other words – or talk to a person.";

    public static string Hello(string language) => language == "de"
        ? "Hallo! Wobei kann ich helfen – Zahlungen, Rücksendungen, Erstattungen oder Ihr Konto?"
        : "Hello! What can I help with – payments, returns, refunds or your account?";

    public static string YouAreWelcome(string language) => language == "de"
        ? "Gern geschehen! Wenn noch etwas ist, schreiben Sie einfach."
        : "You're welcome! If anything else comes up, just write.";

    public static string NotUnderstood(string language) => language == "de"
        ? "Das habe ich leider nicht sicher verstanden. Können Sie es anders formulieren? Wenn Sie lieber mit einem Menschen sprechen möchten, drücken Sie „Mit einem Menschen sprechen“."
        : "I'm not sure I understood that. Could you put it differently? If you'd rather talk to a person, press \"Talk to a human\".";

    private static readonly string[] SmallTalk =
    [
        Greeting("de"), Greeting("en"), Hello("de"), Hello("en"), YouAreWelcome("de"), YouAreWelcome("en"),
    ];

    public static bool IsSmallTalk(string text) => SmallTalk.Contains(text, StringComparer.Ordinal);

    public static bool IsNotUnderstood(string text) => text == NotUnderstood("de") || text == NotUnderstood("en");

    /// <summary>The help article an <see cref="Answer"/> quoted (its first line), or null for any other text.</summary>
    public static string? ArticleTitle(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return end > 0 && (text.EndsWith(Answer("de", "", "")[2..], StringComparison.Ordinal) || text.EndsWith(Answer("en", "", "")[2..], StringComparison.Ordinal))
            ? text[..end]
            : null;
    }
}
