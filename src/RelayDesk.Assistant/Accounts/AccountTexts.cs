using RelayDesk.Domain.Accounts.Errands;
using static RelayDesk.Assistant.Accounts.AccountFormat;

namespace RelayDesk.Assistant.Accounts;

/// <summary>The assistant's answers to account errands, in German and English, with the account's real figures.</summary>
public static class AccountTexts
{
    public static string LoginRequired(string language) => language == "de"
        ? "Dazu muss ich in Ihr Kundenkonto schauen – bitte melden Sie sich zuerst an, dann helfe ich Ihnen sofort mit den genauen Beträgen und Terminen. Ohne Anmeldung kann ich nichts an Ihrem Konto ändern."
        : "For that I need to look at your account – please log in first, and I'll give you the exact amounts and dates. Without logging in I can't change anything on your account.";

    public static string NoPurchases(string language) => language == "de"
        ? "Ich finde in Ihrem Konto keinen offenen Einkauf."
        : "I can't find an open purchase on your account.";

    public static string NothingDue(string language) => language == "de"
        ? "Im Moment ist keine Zahlung fällig – es ist nichts offen oder alles Offene ist pausiert."
        : "Nothing is due at the moment – nothing is open, or everything open is paused.";

    public static string Next(NextPayment next, string language)
    {
        var overdue = next.Status == "overdue";
        return language == "de"
            ? $"Ihre nächste Zahlung: {Money(next.Amount, language)} für Ihren Einkauf bei {next.Merchant} ({next.PurchaseNumber}), {(overdue ? "fällig seit" : "fällig am")} {Date(next.Due, language)}."
              + (overdue ? " Die Zahlung ist überfällig – bitte überweisen Sie so bald wie möglich." : string.Empty)
              + (next.PaymentsLeft > 1 ? $" Danach stehen noch {next.PaymentsLeft - 1} Raten aus." : string.Empty)
            : $"Your next payment: {Money(next.Amount, language)} for your purchase at {next.Merchant} ({next.PurchaseNumber}), {(overdue ? "overdue since" : "due on")} {Date(next.Due, language)}."
              + (overdue ? " It is overdue – please pay as soon as you can." : string.Empty)
              + (next.PaymentsLeft > 1 ? $" After that, {next.PaymentsLeft - 1} more instalments are left." : string.Empty);
    }

    public static string Balance(BalanceOverview balance, string language)
    {
        var open = balance.Purchases.Where(p => p.OpenAmount > 0).ToList();
        var lines = open.Select(p => language == "de"
            ? $"- {p.Merchant} ({p.Number}): {Money(p.OpenAmount, language)} offen" + (p.PausedFor is not null ? ", pausiert" : p.NextDue is { } d ? $", nächste Zahlung am {Date(d, language)}" : string.Empty)
            : $"- {p.Merchant} ({p.Number}): {Money(p.OpenAmount, language)} open" + (p.PausedFor is not null ? ", paused" : p.NextDue is { } due ? $", next payment on {Date(due, language)}" : string.Empty));
        var head = language == "de"
            ? $"Insgesamt sind {Money(balance.OpenAmount, language)} offen" + (balance.OverdueAmount > 0 ? $", davon {Money(balance.OverdueAmount, language)} überfällig" : string.Empty)
              + (balance.PausedAmount > 0 ? $" und {Money(balance.PausedAmount, language)} pausiert" : string.Empty) + "."
            : $"In total {Money(balance.OpenAmount, language)} is open" + (balance.OverdueAmount > 0 ? $", of which {Money(balance.OverdueAmount, language)} is overdue" : string.Empty)
              + (balance.PausedAmount > 0 ? $" and {Money(balance.PausedAmount, language)} paused" : string.Empty) + ".";
        return open.Count == 0 ? NoPurchases(language) : head + "\n" + string.Join("\n", lines);
    }

    public static string Schedule(PurchaseSchedule schedule, string language)
    {
        var p = schedule.Purchase;
        var lines = schedule.Instalments.Select(i => $"- {Date(i.Due, language)}: {Money(i.Amount, language)} ({Status(i.Status, language)})");
        var head = language == "de"
            ? $"Zahlungsplan für Ihren Einkauf bei {p.Merchant} ({p.Number}, {Money(p.Amount, language)}):"
            : $"Payment plan for your purchase at {p.Merchant} ({p.Number}, {Money(p.Amount, language)}):";
        var apr = schedule.EffectiveApr > 0
            ? language == "de"
                ? $"\nSollzins {schedule.NominalRate:0.00} % p. a., effektiver Jahreszins {schedule.EffectiveApr:0.00} %."
                : $"\nNominal rate {schedule.NominalRate:0.00}% a year, effective APR {schedule.EffectiveApr:0.00}%."
            : string.Empty;
        return head + "\n" + string.Join("\n", lines) + apr;
    }

    public static string ReturnRegistered(ReturnRegistered done, string language) => language == "de"
        ? $"Ich habe Ihre Rücksendung für den Einkauf bei {done.Merchant} ({done.PurchaseNumber}) vermerkt. Die offenen {Money(done.PausedAmount, language)} sind bis zum {Date(done.PausedUntil, language)} pausiert – bis dahin müssen Sie nichts zahlen. Sobald der Händler die Rücksendung bestätigt, wird der Betrag angepasst."
        : $"I've registered your return for the purchase at {done.Merchant} ({done.PurchaseNumber}). The open {Money(done.PausedAmount, language)} is paused until {Date(done.PausedUntil, language)} – you don't need to pay until then. Once the merchant confirms the return, the amount is adjusted.";

    public static string Refund(RefundStatus status, string language)
    {
        if (status.Refunds.Count > 0)
        {
            var last = status.Refunds[^1];
            return language == "de"
                ? $"Für Ihren Einkauf bei {status.Merchant} ({status.PurchaseNumber}) sind {Money(status.Refunded, language)} erstattet worden, zuletzt {Money(last.Amount, language)} am {Date(DateOnly.FromDateTime(last.IssuedAt.UtcDateTime), language)}. "
                  + (status.OpenAmount > 0 ? $"Noch offen: {Money(status.OpenAmount, language)}." : "Es ist nichts mehr offen.")
                : $"For your purchase at {status.Merchant} ({status.PurchaseNumber}), {Money(status.Refunded, language)} has been refunded, most recently {Money(last.Amount, language)} on {Date(DateOnly.FromDateTime(last.IssuedAt.UtcDateTime), language)}. "
                  + (status.OpenAmount > 0 ? $"Still open: {Money(status.OpenAmount, language)}." : "Nothing is open any more.");
        }

        if (status.PausedUntil is { } until)
        {
            return language == "de"
                ? $"Ihre Rücksendung zum Einkauf bei {status.Merchant} ({status.PurchaseNumber}) ist vermerkt; vom Händler ist noch keine Erstattung eingegangen. Die Zahlung ist bis zum {Date(until, language)} pausiert."
                : $"Your return for the purchase at {status.Merchant} ({status.PurchaseNumber}) is registered; no refund from the merchant has arrived yet. Payment is paused until {Date(until, language)}.";
        }

        return language == "de"
            ? $"Für Ihren Einkauf bei {status.Merchant} ({status.PurchaseNumber}) ist noch keine Erstattung eingegangen und keine Rücksendung vermerkt. Wenn Sie etwas zurückgeschickt haben, sagen Sie es mir – dann pausiere ich die Zahlung."
            : $"No refund has arrived for your purchase at {status.Merchant} ({status.PurchaseNumber}) and no return is registered. If you've sent something back, tell me and I'll pause the payment.";
    }

    public static string Extended(DueDateExtension done, string language) => language == "de"
        ? $"Erledigt: Die Zahlung von {Money(done.Amount, language)} für {done.PurchaseNumber} ist jetzt am {Date(done.To, language)} fällig statt am {Date(done.From, language)}."
          + (done.Fee > 0 ? $" Dafür fällt eine Gebühr von {Money(done.Fee, language)} an." : " Das kostet Sie nichts.")
        : $"Done: the payment of {Money(done.Amount, language)} for {done.PurchaseNumber} is now due on {Date(done.To, language)} instead of {Date(done.From, language)}."
          + (done.Fee > 0 ? $" There is a fee of {Money(done.Fee, language)}." : " There is no charge for this.");

    public static string InvoiceSent(InvoiceResent done, string language) => language == "de"
        ? $"Ich habe die Rechnung und die Zahlungsdetails zu {done.PurchaseNumber} noch einmal an {done.MaskedEmail} geschickt."
        : $"I've sent the invoice and payment details for {done.PurchaseNumber} again to {done.MaskedEmail}.";

    /// <summary>Why an errand could not be done, by the errand's stable code.</summary>
    public static string Refused(string code, string language, int maximumDays) => (code, language == "de") switch
    {
        ("extension.already-used", true) => "Die Zahlungsfrist für diesen Einkauf wurde bereits einmal verlängert – ein zweites Mal ist leider nicht möglich.",
        ("extension.already-used", false) => "The due date of this purchase was already extended once – it can't be extended a second time.",
        ("extension.overdue", true) => "Die Zahlung ist bereits überfällig; eine überfällige Zahlung kann ich nicht verlängern. Bitte zahlen Sie so bald wie möglich – oder sprechen Sie mit einem Menschen über eine Lösung.",
        ("extension.overdue", false) => "The payment is already overdue, and an overdue payment can't be extended. Please pay as soon as you can – or talk to a person about a solution.",
        ("extension.financing", true) => "Bei einer Finanzierung lassen sich die Raten leider nicht verschieben.",
        ("extension.financing", false) => "Instalments of a financing plan can't be moved.",
        ("extension.paused", true) => "Die Zahlung ist gerade pausiert – im Moment müssen Sie nichts verlängern.",
        ("extension.paused", false) => "Payment is paused at the moment, so there is nothing to extend.",
        ("extension.days" or "extension.days-invalid", true) => $"Verlängern kann ich um 1 bis {maximumDays} Tage.",
        ("extension.days" or "extension.days-invalid", false) => $"I can extend by 1 to {maximumDays} days.",
        ("return.already-reported", true) => "Ihre Rücksendung ist bereits vermerkt; die Zahlung ist pausiert.",
        ("return.already-reported", false) => "Your return is already registered; payment is paused.",
        ("return.disputed", true) => "Zu diesem Einkauf läuft eine Reklamation; die Zahlung ist bereits pausiert.",
        ("return.disputed", false) => "A dispute is open on this purchase; payment is already paused.",
        ("return.nothing-open" or "extension.nothing-open", true) => "Zu diesem Einkauf ist nichts mehr offen.",
        ("return.nothing-open" or "extension.nothing-open", false) => "Nothing is open on this purchase any more.",
        ("purchase.not-found" or "purchase.not-yours", true) => "Diesen Einkauf finde ich in Ihrem Konto nicht. Bitte prüfen Sie die Nummer auf der Rechnung.",
        ("purchase.not-found" or "purchase.not-yours", false) => "I can't find that purchase on your account. Please check the number on the invoice.",
        (_, true) => "Das kann ich leider nicht erledigen.",
        _ => "I'm afraid I can't do that.",
    };

    private static string Status(string status, string language) => (status, language == "de") switch
    {
        ("paid", true) => "bezahlt",
        ("overdue", true) => "überfällig",
        ("paused", true) => "pausiert",
        ("cancelled", true) => "storniert",
        ("scheduled", true) => "geplant",
        _ => status,
    };
}
