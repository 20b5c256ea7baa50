using System.Globalization;

namespace RelayDesk.Cli.Load;

/// <summary>
/// What simulated customers and agents write: routine BNPL and help-centre questions in German and English, the kind
/// the assistant answers every day. A nonce makes every sent text unique, so the transcript check can tell a lost or
/// doubled message from another one with the same words.
/// </summary>
internal static class LoadTexts
{
    private static readonly string[] German =
    [
        "Wann ist meine nächste Rate fällig?",
        "Wie hoch ist mein offener Betrag?",
        "Ich habe ein Paket zurückgeschickt, muss ich trotzdem zahlen?",
        "Kann ich meine Zahlung pausieren, bis die Retoure angekommen ist?",
        "Wo finde ich meine Rechnung?",
        "Können Sie mir die Rechnung noch einmal schicken?",
        "Wann bekomme ich meine Erstattung?",
        "Kann ich das Zahlungsziel um ein paar Tage verschieben?",
        "Wie funktioniert Ratenkauf in 3 Raten?",
        "Welche Zahlungsarten kann ich verwenden?",
        "Warum wurde meine Zahlung abgelehnt?",
        "Fallen Mahngebühren an, wenn ich zu spät zahle?",
        "Wie sieht mein Zahlungsplan aus?",
        "Ich habe die Ware nie erhalten, was soll ich tun?",
        "Wie lange dauert eine Rückerstattung?",
        "Kann ich früher als geplant zahlen?",
    ];

    private static readonly string[] English =
    [
        "When is my next payment due?",
        "How much do I still owe?",
        "How do I pause my payment while I return a parcel?",
        "I sent my order back, do I still have to pay?",
        "Where can I find my invoice?",
        "Can you resend my invoice please?",
        "When will I get my refund?",
        "Can I extend my due date by a few days?",
        "How does pay in 3 work?",
        "Which payment methods can I use?",
        "Why was my payment declined?",
        "Do I pay a late fee if I pay after the due date?",
        "What does my payment schedule look like?",
        "My order never arrived, what should I do?",
        "How long does a refund take?",
        "Can I pay off my purchase early?",
    ];

    private static readonly string[] AgentGerman =
    [
        "Hallo, hier ist Ihr Kundenservice. Ich schaue mir das sofort an.",
        "Ich habe das für Sie erledigt. Kann ich sonst noch helfen?",
    ];

    private static readonly string[] AgentEnglish =
    [
        "Hi, this is customer service. Let me look into that for you right away.",
        "That is sorted for you now. Is there anything else I can help with?",
    ];

    public static string Question(string language, int pick, string nonce) =>
        Tag((language == "de" ? German : English)[pick % German.Length], nonce);

    public static string HumanRequest(string language, string nonce) =>
        Tag(language == "de" ? "Ich möchte bitte mit einem Menschen sprechen." : "I want to talk to a human agent please.", nonce);

    public static string AgentReply(string? language, int turn, string nonce) =>
        Tag((language == "de" ? AgentGerman : AgentEnglish)[Math.Min(turn, AgentEnglish.Length - 1)], nonce);

    public static string Nonce(string run, long number) => string.Create(CultureInfo.InvariantCulture, $"{run}-{number}");

    private static string Tag(string text, string nonce) => $"{text} (ref {nonce})";
}
