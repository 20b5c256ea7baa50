using System.ComponentModel;

namespace RelayDesk.Domain.Accounts.Errands;

/// <summary>
/// The account errands the assistant completes by itself, agents run from the workspace, and an external language
/// model may call as functions — one implementation for all three. Every errand checks that the caller may touch the
/// account (a customer only their own purchases), records an audit entry (who, what, before/after, when) and never
/// throws for bad input: the result says what was wrong. Changing errands take an idempotency key; a retried call
/// with the same key returns the first answer and changes nothing again. Changing the payment method is not an
/// errand: it needs a payment-provider flow the desk does not have.
/// </summary>
public interface IAccountErrands
{
    [Description("Overview of the customer's open balance: total open, overdue and paused amounts, and each purchase with its next due payment.")]
    Task<ErrandResult<BalanceOverview>> GetOpenBalanceAsync(ErrandCaller caller, CancellationToken cancellationToken = default);

    [Description("The full payment schedule of one purchase: each instalment's due date, amount and status.")]
    Task<ErrandResult<PurchaseSchedule>> GetPaymentScheduleAsync(
        ErrandCaller caller,
        [Description("The purchase number from the invoice, e.g. P-4F2A91.")] string purchaseNumber,
        CancellationToken cancellationToken = default);

    [Description("The next payment the customer has to make: which purchase, when, how much.")]
    Task<ErrandResult<NextPayment>> GetNextPaymentAsync(ErrandCaller caller, CancellationToken cancellationToken = default);

    [Description("Registers that the customer sent the purchase back: pauses the open amount and tells until when.")]
    Task<ErrandResult<ReturnRegistered>> MarkReturnSentAsync(
        ErrandCaller caller,
        [Description("The purchase number from the invoice, e.g. P-4F2A91.")] string purchaseNumber,
        [Description("A key unique to this request; retrying with the same key does not register twice.")] string idempotencyKey,
        CancellationToken cancellationToken = default);

    [Description("Where the refund of a purchase stands: refunds received, return pause, what is still open.")]
    Task<ErrandResult<RefundStatus>> GetRefundStatusAsync(
        ErrandCaller caller,
        [Description("The purchase number from the invoice, e.g. P-4F2A91.")] string purchaseNumber,
        CancellationToken cancellationToken = default);

    [Description("Extends the next due date of a purchase by some days, once per purchase, within policy (not overdue, not financing). Says why when refused.")]
    Task<ErrandResult<DueDateExtension>> ExtendDueDateAsync(
        ErrandCaller caller,
        [Description("The purchase number from the invoice, e.g. P-4F2A91.")] string purchaseNumber,
        [Description("By how many days to extend: at most 10 for a pay-in-30 invoice, 14 for an instalment.")] int days,
        [Description("A key unique to this request; retrying with the same key does not extend twice.")] string idempotencyKey,
        CancellationToken cancellationToken = default);

    [Description("Sends the invoice and payment details of a purchase again to the customer's e-mail address on file.")]
    Task<ErrandResult<InvoiceResent>> ResendInvoiceAsync(
        ErrandCaller caller,
        [Description("The purchase number from the invoice, e.g. P-4F2A91.")] string purchaseNumber,
        [Description("A key unique to this request; retrying with the same key sends only one e-mail.")] string idempotencyKey,
        CancellationToken cancellationToken = default);
}
