using RelayDesk.Data.Accounts;
using RelayDesk.Domain.Accounts.Errands;

namespace RelayDesk.Web.Features.Accounts;

/// <summary>
/// The account errands for long-lived callers (the assistant is a singleton): each errand runs in its own scope, with
/// its own database context, exactly as a request would.
/// </summary>
internal sealed class ScopedAccountErrands(IServiceScopeFactory scopes) : IAccountErrands
{
    public Task<ErrandResult<BalanceOverview>> GetOpenBalanceAsync(ErrandCaller caller, CancellationToken cancellationToken = default) =>
        RunAsync(e => e.GetOpenBalanceAsync(caller, cancellationToken));

    public Task<ErrandResult<PurchaseSchedule>> GetPaymentScheduleAsync(ErrandCaller caller, string purchaseNumber, CancellationToken cancellationToken = default) =>
        RunAsync(e => e.GetPaymentScheduleAsync(caller, purchaseNumber, cancellationToken));

    public Task<ErrandResult<NextPayment>> GetNextPaymentAsync(ErrandCaller caller, CancellationToken cancellationToken = default) =>
        RunAsync(e => e.GetNextPaymentAsync(caller, cancellationToken));

    public Task<ErrandResult<ReturnRegistered>> MarkReturnSentAsync(ErrandCaller caller, string purchaseNumber, string idempotencyKey, CancellationToken cancellationToken = default) =>
        RunAsync(e => e.MarkReturnSentAsync(caller, purchaseNumber, idempotencyKey, cancellationToken));

    public Task<ErrandResult<RefundStatus>> GetRefundStatusAsync(ErrandCaller caller, string purchaseNumber, CancellationToken cancellationToken = default) =>
        RunAsync(e => e.GetRefundStatusAsync(caller, purchaseNumber, cancellationToken));

    public Task<ErrandResult<DueDateExtension>> ExtendDueDateAsync(ErrandCaller caller, string purchaseNumber, int days, string idempotencyKey, CancellationToken cancellationToken = default) =>
        RunAsync(e => e.ExtendDueDateAsync(caller, purchaseNumber, days, idempotencyKey, cancellationToken));

    public Task<ErrandResult<InvoiceResent>> ResendInvoiceAsync(ErrandCaller caller, string purchaseNumber, string idempotencyKey, CancellationToken cancellationToken = default) =>
        RunAsync(e => e.ResendInvoiceAsync(caller, purchaseNumber, idempotencyKey, cancellationToken));

    private async Task<T> RunAsync<T>(Func<AccountErrands, Task<T>> errand)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await errand(scope.ServiceProvider.GetRequiredService<AccountErrands>());
    }
}
