using System.Globalization;
using System.Text.RegularExpressions;
using RelayDesk.Domain.Accounts;
using RelayDesk.Domain.Accounts.Errands;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Assistant.Accounts;

/// <summary>
/// Answers the account intents on the customer's real account through the account errands: which purchase is meant
/// (its number or merchant in the message, else the one the errand is most likely about), what to do, and the answer
/// with the real figures in the customer's language. An anonymous visitor is asked to log in and nothing changes. A
/// refused extension is reported as a policy refusal, so contesting it brings in a person.
/// </summary>
public sealed partial class AccountErrandAnswers(IAccountErrands errands)
{
    /// <summary>The intents answered from the account rather than from a help article.</summary>
    public static IReadOnlySet<string> Intents { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "next_payment", "payment_schedule", "open_balance", "return_sent", "refund_status", "partial_refund", "extend_due_date", "invoice_resend",
    };

    public async Task<AssistantReply> AnswerAsync(string intent, double confidence, AssistantTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = turn.Language;
        var signals = new TurnSignals { Intent = intent, Confidence = confidence };
        if (turn.CustomerId is null)
        {
            return new AssistantReply(AccountTexts.LoginRequired(language), signals);
        }

        var caller = ErrandCaller.Assistant(turn.CustomerId, turn.ConversationId);
        if (intent == "next_payment")
        {
            var next = await errands.GetNextPaymentAsync(caller, cancellationToken);
            return next.Succeeded
                ? new AssistantReply(AccountTexts.Next(next.Value!, language), signals with { Amount = next.Value!.Amount })
                : new AssistantReply(AccountTexts.NothingDue(language), signals);
        }

        var balance = await errands.GetOpenBalanceAsync(caller, cancellationToken);
        if (!balance.Succeeded)
        {
            return new AssistantReply(AccountTexts.LoginRequired(language), signals);
        }

        if (intent == "open_balance")
        {
            return new AssistantReply(AccountTexts.Balance(balance.Value!, language), signals with { Amount = balance.Value!.OpenAmount });
        }

        var purchase = PickPurchase(intent, turn.Text, balance.Value!.Purchases);
        if (purchase is null)
        {
            return new AssistantReply(AccountTexts.NoPurchases(language), signals);
        }

        var maximumDays = AccountPolicy.Default.MaximumExtensionDays(PlanKinds.Parse(purchase.Plan));
        // A retried turn (same conversation, same words) must not act twice; a new request in other words is a new errand.
        var key = $"{turn.ConversationId:N}:{intent}:{purchase.Number}:{TextKey(turn.Text)}";
        switch (intent)
        {
            case "payment_schedule":
                return Reply(await errands.GetPaymentScheduleAsync(caller, purchase.Number, cancellationToken), v => AccountTexts.Schedule(v, language), v => v.Purchase.OpenAmount);
            case "return_sent":
                return Reply(await errands.MarkReturnSentAsync(caller, purchase.Number, key, cancellationToken), v => AccountTexts.ReturnRegistered(v, language), v => v.PausedAmount);
            case "refund_status" or "partial_refund":
                return Reply(await errands.GetRefundStatusAsync(caller, purchase.Number, cancellationToken), v => AccountTexts.Refund(v, language), v => v.Refunded);
            case "invoice_resend":
                return Reply(await errands.ResendInvoiceAsync(caller, purchase.Number, key, cancellationToken), v => AccountTexts.InvoiceSent(v, language), _ => null);
            default:
                var days = RequestedDays(turn.Text) ?? maximumDays;
                var extension = await errands.ExtendDueDateAsync(caller, purchase.Number, days, key, cancellationToken);
                var reply = Reply(extension, v => AccountTexts.Extended(v, language), v => v.Amount);
                return extension.Outcome is ErrandOutcome.Refused or ErrandOutcome.Invalid
                    ? reply with { Signals = reply.Signals with { PolicyRefusal = true } }
                    : reply;
        }

        AssistantReply Reply<T>(ErrandResult<T> result, Func<T, string> text, Func<T, decimal?> amount)
            where T : class => result.Succeeded
            ? new AssistantReply(text(result.Value!), signals with { Amount = amount(result.Value!) })
            : new AssistantReply(AccountTexts.Refused(result.Code, language, maximumDays), signals);
    }

    /// <summary>The purchase the customer means: named by number or merchant, else the likeliest for the errand.</summary>
    internal static PurchaseSummary? PickPurchase(string intent, string text, IReadOnlyList<PurchaseSummary> purchases)
    {
        var number = PurchaseNumber().Match(text);
        if (number.Success)
        {
            return purchases.FirstOrDefault(p => string.Equals(p.Number, number.Value, StringComparison.OrdinalIgnoreCase))
                ?? new PurchaseSummary(number.Value.ToUpperInvariant(), string.Empty, string.Empty, 0, "pay-in-30", default, 0, null, null, null, null, null, false);
        }

        var named = purchases.Where(p => p.Merchant.Length > 1 && text.Contains(p.Merchant, StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = named.Count > 0 ? named : purchases.ToList();
        return intent switch
        {
            "refund_status" or "partial_refund" => candidates.OrderByDescending(p => p.PausedFor == "return").ThenByDescending(p => p.PurchasedAt).FirstOrDefault(),
            "return_sent" => candidates.Where(p => p.OpenAmount > 0).OrderBy(p => p.PausedFor is not null || p.Dispute is "open" or "merchant-responded")
                .ThenByDescending(p => p.PurchasedAt).FirstOrDefault(),
            "extend_due_date" => candidates.Where(p => p.OpenAmount > 0 && p.PausedFor is null).OrderBy(p => p.Plan == "financing").ThenBy(p => p.NextDue).FirstOrDefault()
                ?? candidates.FirstOrDefault(p => p.OpenAmount > 0),
            _ => candidates.Where(p => p.OpenAmount > 0).OrderBy(p => p.NextDue).FirstOrDefault() ?? candidates.OrderByDescending(p => p.PurchasedAt).FirstOrDefault(),
        };
    }

    private static string TextKey(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.Trim())))[..16];

    /// <summary>"um 5 Tage", "by 7 days", "10 Tage" → the number of days asked for, if any.</summary>
    internal static int? RequestedDays(string text)
    {
        var match = Days().Match(text);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null;
    }

    [GeneratedRegex(@"\bP-\d{6}-\d{1,2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PurchaseNumber();

    [GeneratedRegex(@"(-?\d{1,4})\s*(?:tage?n?|days?|werktage?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Days();
}
