using System.Text.RegularExpressions;
using RelayDesk.Domain.Accounts.Errands;
using RelayDesk.Domain.Conversations;
using static RelayDesk.Assistant.Accounts.AccountFormat;

namespace RelayDesk.Assistant.Accounts;

/// <summary>
/// "Which purchase?" — the question the assistant asks when a purchase-specific errand could mean several open
/// purchases, and the choice it leaves open until the next turn. The question is an ordinary assistant message (a
/// numbered list: merchant, amount, next due date, purchase number), and it is the only record of the open choice: the
/// next turn reads it back from the conversation's history, so the choice survives a restart without extra storage,
/// and any other message in between (the customer asking something else, an agent, a hand-off) ends it.
/// </summary>
/// <param name="Intent">The errand asked for (<c>extend_due_date</c>, <c>return_sent</c>, …).</param>
/// <param name="Numbers">The purchase numbers offered, in the order listed (position 1 first).</param>
/// <param name="Request">The customer's message that led to the question (e.g. it may say by how many days).</param>
public sealed partial record PurchaseChoice(string Intent, IReadOnlyList<string> Numbers, string Request)
{
    /// <summary>At most this many purchases are listed (the likeliest first); a longer list is no help in a chat.</summary>
    public const int MaxOptions = 6;

    /// <summary>The intents that act on one purchase and therefore may need the question.</summary>
    public static IReadOnlySet<string> Intents { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "payment_schedule", "return_sent", "refund_status", "partial_refund", "extend_due_date", "invoice_resend",
    };

    // The question's wording per errand; it also tells, when the question is read back, which errand it was for.
    private static readonly (string Intent, string German, string English)[] Questions =
    [
        ("extend_due_date", "Für welchen soll ich die Zahlungsfrist verlängern?", "Which one should I extend the due date for?"),
        ("return_sent", "Welchen davon haben Sie zurückgeschickt?", "Which one did you send back?"),
        ("payment_schedule", "Für welchen möchten Sie den Zahlungsplan sehen?", "Which one's payment plan would you like to see?"),
        ("refund_status", "Für welchen soll ich nach der Erstattung sehen?", "Which one should I check the refund for?"),
        ("invoice_resend", "Für welchen soll ich die Rechnung noch einmal schicken?", "Which one should I send the invoice for again?"),
    ];

    /// <summary>The errand a question is worded for (partial refunds are asked like refunds).</summary>
    public static string QuestionIntent(string intent) => intent == "partial_refund" ? "refund_status" : intent;

    /// <summary>The question, listing <paramref name="options"/> in order, in the customer's language.</summary>
    public static string Ask(string intent, IReadOnlyList<PurchaseSummary> options, string language)
    {
        ArgumentNullException.ThrowIfNull(options);
        var question = Questions.Single(q => q.Intent == QuestionIntent(intent));
        var german = language == "de";
        var lines = options.Select((p, i) => $"{i + 1}. {p.Merchant}: {Money(p.Amount, language)}, {Due(p, german, language)} ({p.Number})");
        return (german
                ? $"Sie haben {options.Count} offene Einkäufe. {question.German}"
                : $"You have {options.Count} open purchases. {question.English}")
            + "\n" + string.Join("\n", lines) + "\n"
            + (german
                ? "Antworten Sie einfach mit der Nummer, dem Händler oder dem Betrag."
                : "Just reply with the number, the shop or the amount.");
    }

    /// <summary>
    /// The choice still open in a conversation: the last earlier message is the assistant's "which purchase?" question.
    /// Null when it is not (answered, or something else was said since).
    /// </summary>
    public static PurchaseChoice? Pending(IReadOnlyList<AssistantHistoryLine> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0 || history[^1] is not { Author: MessageAuthor.Assistant } question)
        {
            return null;
        }

        var request = history.Count > 1 && history[^2].Author == MessageAuthor.Customer ? history[^2].Text : string.Empty;
        return Read(question.Text, request);
    }

    /// <summary>The choice an assistant message asks for, or null when it is no "which purchase?" question.</summary>
    public static PurchaseChoice? Read(string assistantText, string request = "")
    {
        ArgumentNullException.ThrowIfNull(assistantText);
        var intent = Questions.FirstOrDefault(q => assistantText.Contains(q.German, StringComparison.Ordinal) || assistantText.Contains(q.English, StringComparison.Ordinal)).Intent;
        var numbers = Option().Matches(assistantText).Select(m => m.Groups["number"].Value).ToList();
        return intent is null || numbers.Count < 2 ? null : new PurchaseChoice(intent, numbers, request);
    }

    private static string Due(PurchaseSummary p, bool german, string language) => p switch
    {
        { PausedFor: not null, PausedUntil: { } until } => german ? $"pausiert bis {Date(until, language)}" : $"paused until {Date(until, language)}",
        { PausedFor: not null } => german ? "pausiert" : "paused",
        { NextDue: { } due } => german ? $"nächste Zahlung am {Date(due, language)}" : $"next payment on {Date(due, language)}",
        _ => german ? "nichts mehr offen" : "nothing open",
    };

    [GeneratedRegex(@"^\d+\. .+\((?<number>P-\d{6}-\d{1,2})\)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Option();
}
