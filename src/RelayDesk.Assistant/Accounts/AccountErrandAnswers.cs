using System.Globalization;
using System.Text.RegularExpressions;
using RelayDesk.Domain.Accounts;
using RelayDesk.Domain.Accounts.Errands;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Assistant.Accounts;

/// <summary>
/// Answers the account intents on the customer's real account through the account errands: which purchase is meant
/// (its number, merchant or amount in the message; the only open one; or — when several open purchases could be meant —
/// the customer's answer to "which one?", see <see cref="PurchaseChoice"/>), what to do, and the answer with the real
/// figures in the customer's language. An anonymous visitor is asked to log in and nothing changes. A refused extension
/// is reported as a policy refusal, so contesting it brings in a person.
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

        var purchases = balance.Value!.Purchases;
        var named = PurchaseMentions.Named(turn.Text, purchases);
        var purchase = Named(turn.Text, purchases) ?? named.Single;
        if (purchase is null)
        {
            var candidates = Candidates(intent, named.Purchases.Count > 0 ? named.Purchases : purchases);
            if (candidates.Count >= 2)
            {
                // Several open purchases could be meant: ask rather than act on the wrong one.
                return new AssistantReply(PurchaseChoice.Ask(intent, candidates, language), signals);
            }

            purchase = candidates.FirstOrDefault() ?? PickPurchase(intent, turn.Text, purchases);
        }

        if (purchase is null)
        {
            return new AssistantReply(AccountTexts.NoPurchases(language), signals);
        }

        // A retried turn (same conversation, same words) must not act twice; a new request in other words is a new errand.
        var key = $"{turn.ConversationId:N}:{intent}:{purchase.Number}:{TextKey(turn.Text)}";
        return await RunAsync(intent, purchase, RequestedDays(turn.Text), key, caller, signals, language, cancellationToken);
    }

    /// <summary>
    /// The customer's answer to the open "which purchase?" question: the errand on the purchase they picked (by number,
    /// position, merchant or amount), the question again when the answer fits several, or null when it picks nothing —
    /// the turn is then answered as any other, and the choice is dropped. <paramref name="recognisedIntent"/> is what the
    /// intent model made of the answer: a longer message with another errand that names a purchase ("und wann kommt die
    /// Erstattung für Zalando?") is a new request, not an answer; a position ("2", "die zweite") always is an answer.
    /// </summary>
    public async Task<AssistantReply?> AnswerChoiceAsync(PurchaseChoice choice, string? recognisedIntent, AssistantTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.CustomerId is null)
        {
            return null;
        }

        var caller = ErrandCaller.Assistant(turn.CustomerId, turn.ConversationId);
        var balance = await errands.GetOpenBalanceAsync(caller, cancellationToken);
        if (!balance.Succeeded)
        {
            return null;
        }

        // The options as they are now (an option paid or gone since the question is no longer offered).
        var options = choice.Numbers.Select(n => balance.Value!.Purchases.FirstOrDefault(p => p.Number == n)).OfType<PurchaseSummary>().ToList();
        var picked = PurchaseMentions.Chosen(turn.Text, options);
        var signals = new TurnSignals { Intent = choice.Intent, Confidence = 1 };
        var days = RequestedDays(turn.Text) ?? RequestedDays(choice.Request);
        if (!picked.ByPosition && AsksSomethingElse(choice, recognisedIntent, turn.Text))
        {
            return null;
        }

        if (Named(turn.Text, balance.Value!.Purchases) is { } byNumber && !options.Contains(byNumber))
        {
            // A purchase number not in the list: the customer means that one (the errand refuses it if it is not theirs).
            return await RunAsync(choice.Intent, byNumber, days, Key(byNumber), caller, signals, turn.Language, cancellationToken);
        }

        if (!picked.HasClue || options.Count == 0)
        {
            return null;
        }

        if (picked.Single is not { } purchase)
        {
            var again = picked.Purchases.Count >= 2 ? picked.Purchases : options;
            return new AssistantReply(PurchaseChoice.Ask(choice.Intent, again, turn.Language), signals);
        }

        return await RunAsync(choice.Intent, purchase, days, Key(purchase), caller, signals, turn.Language, cancellationToken);

        // The request and its answer make the errand; the turn's place in the conversation tells a retry from a new request.
        string Key(PurchaseSummary p) => $"{turn.ConversationId:N}:{choice.Intent}:{p.Number}:{TextKey($"{choice.Request}\n{turn.Text}\n{turn.Previous.Count}")}";
    }

    private static bool AsksSomethingElse(PurchaseChoice choice, string? recognisedIntent, string text) =>
        recognisedIntent is not null and not ("greeting" or "thanks_goodbye")
        && PurchaseChoice.QuestionIntent(recognisedIntent) != choice.Intent
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 3;

    private async Task<AssistantReply> RunAsync(
        string intent, PurchaseSummary purchase, int? requestedDays, string key, ErrandCaller caller, TurnSignals signals, string language,
        CancellationToken cancellationToken)
    {
        var maximumDays = AccountPolicy.Default.MaximumExtensionDays(PlanKinds.Parse(purchase.Plan));
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
                var extension = await errands.ExtendDueDateAsync(caller, purchase.Number, requestedDays ?? maximumDays, key, cancellationToken);
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

    /// <summary>
    /// A purchase named by its number: the customer's own, or — when it is not theirs or does not exist — a stand-in the
    /// errand refuses (and audits) as not found or not theirs.
    /// </summary>
    private static PurchaseSummary? Named(string text, IReadOnlyList<PurchaseSummary> purchases)
    {
        var number = PurchaseMentions.PurchaseNumber().Match(text);
        return number.Success
            ? purchases.FirstOrDefault(p => string.Equals(p.Number, number.Value, StringComparison.OrdinalIgnoreCase))
              ?? new PurchaseSummary(number.Value.ToUpperInvariant(), string.Empty, string.Empty, 0, "pay-in-30", default, 0, null, null, null, null, null, false)
            : null;
    }

    /// <summary>
    /// The purchases an errand could be about, the soonest due first: open and not paused for an extension or a
    /// return; open for a schedule or an invoice; for a refund, those paused for a return if any, else the open ones.
    /// </summary>
    internal static IReadOnlyList<PurchaseSummary> Candidates(string intent, IReadOnlyList<PurchaseSummary> purchases)
    {
        var open = purchases.Where(p => p.OpenAmount > 0);
        var candidates = intent switch
        {
            "extend_due_date" or "return_sent" => open.Where(p => p.PausedFor is null),
            "refund_status" or "partial_refund" => purchases.Any(p => p.PausedFor == "return") ? purchases.Where(p => p.PausedFor == "return") : open,
            _ => open,
        };
        return [.. candidates.OrderBy(p => p.NextDue ?? DateOnly.MaxValue).ThenByDescending(p => p.PurchasedAt).Take(PurchaseChoice.MaxOptions)];
    }

    /// <summary>The purchase the customer means: named by number or merchant, else the likeliest for the errand.</summary>
    internal static PurchaseSummary? PickPurchase(string intent, string text, IReadOnlyList<PurchaseSummary> purchases)
    {
        if (Named(text, purchases) is { } byNumber)
        {
            return byNumber;
        }

        var named = PurchaseMentions.Named(text, purchases).Purchases;
        var candidates = named.Count > 0 ? named : purchases;
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

    [GeneratedRegex(@"(-?\d{1,4})\s*(?:tage?n?|days?|werktage?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Days();
}
