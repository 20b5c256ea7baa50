using System.ComponentModel;
using RelayDesk.Domain.Accounts.Errands;

namespace RelayDesk.Assistant.Llm;

/// <summary>What a tool tells the model: the outcome in words, whether policy refused it, and the figures when done.</summary>
public sealed record ErrandAnswer<T>(string Outcome, bool Refused, string Code, string Message, T? Value)
    where T : class
{
    public static ErrandAnswer<T> From(ErrandResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Outcome.ToString(), result.Outcome == ErrandOutcome.Refused, result.Code, result.Message, result.Value);
    }
}

/// <summary>
/// The account errands as an external model may call them (through <see cref="ErrandToolbox{TErrands}"/>): the same
/// <see cref="IAccountErrands"/> the embedded assistant and agents use, run as the assistant for the turn's customer and
/// conversation (bound by the toolbox, never chosen by the model). Changing errands take their idempotency key from the
/// turn, the errand and its arguments, so a retried turn — or a model that calls twice — changes the account once.
/// </summary>
public sealed class AssistantAccountErrands(IAccountErrands errands)
{
    [Description("Overview of the customer's open balance: total open, overdue and paused amounts, and each purchase with its next due payment.")]
    public async Task<ErrandAnswer<BalanceOverview>> GetOpenBalanceAsync(string customerId, Guid conversationId, CancellationToken cancellationToken) =>
        ErrandAnswer<BalanceOverview>.From(await errands.GetOpenBalanceAsync(Caller(customerId, conversationId), cancellationToken));

    [Description("The next payment the customer has to make: which purchase, when, how much.")]
    public async Task<ErrandAnswer<NextPayment>> GetNextPaymentAsync(string customerId, Guid conversationId, CancellationToken cancellationToken) =>
        ErrandAnswer<NextPayment>.From(await errands.GetNextPaymentAsync(Caller(customerId, conversationId), cancellationToken));

    [Description("The full payment schedule of one purchase: each instalment's due date, amount and status.")]
    public async Task<ErrandAnswer<PurchaseSchedule>> GetPaymentScheduleAsync(
        string customerId, Guid conversationId,
        [Description("The purchase number, e.g. P-4F2A91 (from get_open_balance).")] string purchaseNumber,
        CancellationToken cancellationToken) =>
        ErrandAnswer<PurchaseSchedule>.From(await errands.GetPaymentScheduleAsync(Caller(customerId, conversationId), purchaseNumber, cancellationToken));

    [Description("Where the refund of a purchase stands: refunds received, return pause, what is still open.")]
    public async Task<ErrandAnswer<RefundStatus>> GetRefundStatusAsync(
        string customerId, Guid conversationId,
        [Description("The purchase number, e.g. P-4F2A91 (from get_open_balance).")] string purchaseNumber,
        CancellationToken cancellationToken) =>
        ErrandAnswer<RefundStatus>.From(await errands.GetRefundStatusAsync(Caller(customerId, conversationId), purchaseNumber, cancellationToken));

    [Description("Registers that the customer sent the purchase back: pauses the open amount and tells until when. Only when the customer says they sent it.")]
    public async Task<ErrandAnswer<ReturnRegistered>> MarkReturnSentAsync(
        string customerId, Guid conversationId, string turnKey,
        [Description("The purchase number, e.g. P-4F2A91 (from get_open_balance).")] string purchaseNumber,
        CancellationToken cancellationToken) =>
        ErrandAnswer<ReturnRegistered>.From(await errands.MarkReturnSentAsync(
            Caller(customerId, conversationId), purchaseNumber, Key(turnKey, "return-sent", purchaseNumber), cancellationToken));

    [Description("Extends the next due date of a purchase by some days, once per purchase, within policy (not overdue, not financing). Says why when refused. Only when the customer asks for it.")]
    public async Task<ErrandAnswer<DueDateExtension>> ExtendDueDateAsync(
        string customerId, Guid conversationId, string turnKey,
        [Description("The purchase number, e.g. P-4F2A91 (from get_open_balance).")] string purchaseNumber,
        [Description("By how many days: at most 10 for a pay-in-30 invoice, 14 for an instalment.")] int days,
        CancellationToken cancellationToken) =>
        ErrandAnswer<DueDateExtension>.From(await errands.ExtendDueDateAsync(
            Caller(customerId, conversationId), purchaseNumber, days, Key(turnKey, "extend-due-date", purchaseNumber), cancellationToken));

    [Description("Sends the invoice and payment details of a purchase again to the customer's e-mail address on file.")]
    public async Task<ErrandAnswer<InvoiceResent>> ResendInvoiceAsync(
        string customerId, Guid conversationId, string turnKey,
        [Description("The purchase number, e.g. P-4F2A91 (from get_open_balance).")] string purchaseNumber,
        CancellationToken cancellationToken) =>
        ErrandAnswer<InvoiceResent>.From(await errands.ResendInvoiceAsync(
            Caller(customerId, conversationId), purchaseNumber, Key(turnKey, "resend-invoice", purchaseNumber), cancellationToken));

    private static ErrandCaller Caller(string customerId, Guid conversationId) => ErrandCaller.Assistant(customerId, conversationId);

    /// <summary>One key per turn, errand and purchase (purchase numbers are short; the key stays within 200 characters).</summary>
    private static string Key(string turnKey, string errand, string purchaseNumber) =>
        $"llm:{turnKey}:{errand}:{(purchaseNumber.Length > 64 ? purchaseNumber[..64] : purchaseNumber)}";
}
