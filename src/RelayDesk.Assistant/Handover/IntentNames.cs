namespace RelayDesk.Assistant.Handover;

/// <summary>How an intent reads for a person, in English and German (German in the accusative: "es geht um …").</summary>
public static class IntentNames
{
    private static readonly Dictionary<string, (string En, string De)> Names = new(StringComparer.Ordinal)
    {
        ["account_closure"] = ("closing the account", "die Kontoschließung"),
        ["card_declined"] = ("a declined card", "eine abgelehnte Karte"),
        ["change_address"] = ("changing the address", "die Adressänderung"),
        ["change_email_phone"] = ("changing e-mail or phone", "die Änderung von E-Mail oder Telefonnummer"),
        ["change_payment_method"] = ("changing the payment method", "die Änderung der Zahlungsart"),
        ["extend_due_date"] = ("extending a due date", "die Verlängerung einer Fälligkeit"),
        ["fees_late"] = ("late fees", "die Mahngebühren"),
        ["financing_apr"] = ("financing and interest", "Finanzierung und Zinsen"),
        ["how_bnpl_works"] = ("how paying later works", "die Frage, wie Später-Bezahlen funktioniert"),
        ["how_to_pay"] = ("how to pay", "die Frage, wie Sie bezahlen können"),
        ["instalments_plan"] = ("paying in instalments", "die Ratenzahlung"),
        ["invoice_resend"] = ("resending an invoice", "den erneuten Versand Ihrer Rechnung"),
        ["login_problem"] = ("trouble logging in", "Probleme beim Einloggen"),
        ["next_payment"] = ("the next payment", "die nächste Zahlung"),
        ["open_balance"] = ("the open balance", "den offenen Betrag"),
        ["order_not_received"] = ("an order that did not arrive", "eine nicht angekommene Bestellung"),
        ["partial_refund"] = ("a partial refund", "eine Teilerstattung"),
        ["pause_payment"] = ("pausing a payment", "das Pausieren einer Zahlung"),
        ["pay_in_30"] = ("paying in 30 days", "die Zahlung in 30 Tagen"),
        ["pay_now"] = ("paying now", "die sofortige Zahlung"),
        ["payment_failed"] = ("a failed payment", "eine fehlgeschlagene Zahlung"),
        ["payment_methods"] = ("payment methods", "die Zahlungsarten"),
        ["payment_schedule"] = ("the payment schedule", "den Zahlungsplan"),
        ["refund_status"] = ("the status of a refund", "den Stand einer Erstattung"),
        ["reminder_received"] = ("a payment reminder", "eine Zahlungserinnerung"),
        ["return_sent"] = ("a return that was sent", "eine verschickte Rücksendung"),
        ["return_status"] = ("the status of a return", "den Stand einer Rücksendung"),
        ["unknown_charge"] = ("a charge they do not recognise", "eine unbekannte Abbuchung"),
    };

    /// <summary>Intents that are conversation, not an errand.</summary>
    public static bool IsSmallTalk(string intent) => intent is "greeting" or "thanks_goodbye" or "oos";

    public static string For(string intent, string language)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return Names.TryGetValue(intent, out var name)
            ? language == "de" ? name.De : name.En
            : intent.Replace('_', ' ');
    }
}
