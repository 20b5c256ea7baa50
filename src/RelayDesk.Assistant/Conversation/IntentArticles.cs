namespace RelayDesk.Assistant.Conversation;

/// <summary>Which help article answers a recognised intent (until the account errands answer them on real data).</summary>
internal static class IntentArticles
{
    public static IReadOnlyDictionary<string, string> Topics { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["next_payment"] = "next-payment-date",
        ["payment_schedule"] = "next-payment-date",
        ["open_balance"] = "next-payment-date",
        ["pay_now"] = "how-to-pay-invoice",
        ["how_to_pay"] = "how-to-pay-invoice",
        ["invoice_resend"] = "how-to-pay-invoice",
        ["payment_methods"] = "payment-methods",
        ["change_payment_method"] = "payment-methods",
        ["payment_failed"] = "payment-failed",
        ["card_declined"] = "payment-failed",
        ["return_sent"] = "returns-pause-payment",
        ["return_status"] = "returns-pause-payment",
        ["pause_payment"] = "returns-pause-payment",
        ["refund_status"] = "refund-timing",
        ["partial_refund"] = "partial-refund",
        ["extend_due_date"] = "extend-due-date",
        ["fees_late"] = "late-fees-reminders",
        ["reminder_received"] = "late-fees-reminders",
        ["how_bnpl_works"] = "how-bnpl-works",
        ["pay_in_30"] = "pay-in-30-days",
        ["instalments_plan"] = "pay-in-instalments",
        ["financing_apr"] = "financing",
        ["change_address"] = "change-personal-details",
        ["change_email_phone"] = "change-personal-details",
        ["account_closure"] = "close-account",
        ["unknown_charge"] = "account-security-fraud",
        ["order_not_received"] = "dispute-merchant",
    };
}
