namespace RelayDesk.Assistant.Handover;

/// <summary>
/// Up to three replies the agent can start from, in the customer's language: taking over without asking the customer
/// to repeat themselves (it names the errand), one that fits why a person was needed (hardship, bereavement, fraud …),
/// and a next step for the errand. Templates only — they promise nothing the desk has not done — and nothing is
/// sent without the agent.
/// </summary>
public static class ReplySuggester
{
    public const int MaxReplies = 3;

    public static IReadOnlyList<SuggestedReply> Suggest(CaseSummary summary, string language, string agentName)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(agentName);
        var de = language == "de";
        var firstName = agentName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var errand = summary.Intents.Count > 0 ? IntentNames.For(summary.Intents[0], language) : null;

        var replies = new List<SuggestedReply>
        {
            new("take-over", (de, errand) switch
            {
                (true, null) => $"Hallo, hier ist {firstName} vom Kundenservice. Ich habe unseren bisherigen Chat gelesen und bin jetzt persönlich für Sie da.",
                (true, _) => $"Hallo, hier ist {firstName} vom Kundenservice. Ich habe unseren bisherigen Chat gelesen – es geht um {errand}. Ich kümmere mich jetzt persönlich darum.",
                (false, null) => $"Hi, this is {firstName} from customer service. I've read our chat so far and I'm here for you now.",
                (false, _) => $"Hi, this is {firstName} from customer service. I've read our chat so far – it's about {errand}. I'll take care of it personally now.",
            }),
        };

        if (Topic(summary.Handover?.RuleId, de) is { } topic)
        {
            replies.Add(new SuggestedReply(summary.Handover!.RuleId, topic));
        }

        if (NextStep(summary.Intents.FirstOrDefault(), de) is { } next)
        {
            replies.Add(new SuggestedReply("next-step", next));
        }

        return [.. replies.Take(MaxReplies)];
    }

    private static string? Topic(string? ruleId, bool de) => ruleId switch
    {
        "hardship" => de
            ? "Danke, dass Sie uns das offen schreiben. Wir finden gemeinsam eine Lösung, zum Beispiel eine Zahlungspause oder kleinere Raten. Darf ich Ihnen dazu ein paar Fragen stellen?"
            : "Thank you for telling us openly. We'll find a solution together, for example a payment pause or smaller instalments. May I ask you a few questions about it?",
        "vulnerability" => de
            ? "Danke, dass Sie mir das anvertrauen. Wir nehmen uns die Zeit, die Sie brauchen, und gehen alles in Ruhe zusammen durch."
            : "Thank you for trusting me with this. We'll take all the time you need and go through everything together, step by step.",
        "bereavement" => de
            ? "Mein herzliches Beileid. Sie müssen das nicht allein klären – ich erkläre Ihnen Schritt für Schritt, wie es mit dem Konto weitergeht."
            : "I'm very sorry for your loss. You don't have to sort this out alone – I'll explain step by step what happens with the account.",
        "fraud" => de
            ? "Danke, dass Sie sich sofort melden. Ich prüfe das jetzt mit Ihnen. Bitte geben Sie niemandem Codes oder Passwörter weiter – auch uns nicht."
            : "Thank you for contacting us straight away. I'm looking into this with you now. Please don't share codes or passwords with anyone – not even with us.",
        "dispute" => de
            ? "Ich verstehe, dass Sie sich mit dem Händler nicht einig sind. Haben Sie den Händler schon kontaktiert? Dann kann ich den Fall für Sie aufnehmen."
            : "I understand you and the merchant don't agree. Have you already contacted the merchant? Then I can open the case for you.",
        "complaint" => de
            ? "Es tut mir leid, dass Sie Grund zur Beschwerde haben. Ich nehme Ihre Beschwerde auf und kümmere mich persönlich darum."
            : "I'm sorry you have reason to complain. I'm recording your complaint and will take care of it personally.",
        "frustration" => de
            ? "Es tut mir leid, dass das bisher so mühsam war. Ich übernehme jetzt, und wir lösen das zusammen."
            : "I'm sorry this has been such a hassle so far. I'm taking over now, and we'll sort it out together.",
        "assistant-failure" => de
            ? "Entschuldigen Sie, dass der digitale Assistent Sie nicht richtig verstanden hat. Ich bin jetzt für Sie da."
            : "Sorry that the digital assistant didn't understand you properly. I'm here for you now.",
        "contested-refusal" => de
            ? "Ich sehe, dass Ihre Anfrage eben abgelehnt wurde. Ich schaue mir noch einmal genau an, was möglich ist."
            : "I can see your request was just declined. I'll take another close look at what's possible.",
        "amount" => de
            ? "Bei diesem Betrag sehe ich mir das lieber selbst genau an."
            : "For an amount like this, I'd rather look at it closely myself.",
        _ => null,
    };

    private static string? NextStep(string? intent, bool de) => intent switch
    {
        "next_payment" or "payment_schedule" or "open_balance" or "instalments_plan" => de
            ? "Ich sehe mir gerade Ihren Zahlungsplan an – einen Moment bitte."
            : "I'm looking at your payment plan right now – one moment, please.",
        "extend_due_date" or "pause_payment" => de
            ? "Ich prüfe, ob wir die Fälligkeit für Sie verschieben können, und melde mich gleich."
            : "I'm checking whether we can move the due date for you and will get back to you in a moment.",
        "return_sent" or "return_status" or "refund_status" or "partial_refund" => de
            ? "Ich prüfe den Stand Ihrer Rücksendung und Erstattung – einen Moment bitte."
            : "I'm checking the status of your return and refund – one moment, please.",
        "payment_failed" or "card_declined" => de
            ? "Ich sehe mir an, warum die Zahlung nicht geklappt hat, und sage Ihnen gleich, wie es weitergeht."
            : "I'm looking at why the payment didn't go through and will tell you how to continue in a moment.",
        "unknown_charge" => de
            ? "Ich prüfe die Abbuchung. Können Sie mir sagen, an welchem Tag und über welchen Betrag sie war?"
            : "I'm checking the charge. Can you tell me the day and the amount it was for?",
        "order_not_received" => de
            ? "Ich kläre das mit dem Händler und sage Ihnen dann, wie es mit der Zahlung weitergeht."
            : "I'll sort this out with the merchant and then tell you how the payment continues.",
        _ => null,
    };
}
