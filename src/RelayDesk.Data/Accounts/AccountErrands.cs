using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Domain;
using RelayDesk.Domain.Accounts;
using RelayDesk.Domain.Accounts.Errands;

namespace RelayDesk.Data.Accounts;

/// <summary>
/// The account errands on the database: authorise (the purchase must belong to the caller's customer), bring the
/// purchase up to today, run the change through the aggregate, and commit it together with its audit record. A
/// retried change with the same idempotency key returns the recorded answer. Bad input gets a result, never a change.
/// </summary>
public sealed partial class AccountErrands(RelayDeskDbContext db, TimeProvider clock, AccountPolicy policy) : IAccountErrands
{
    private const int MaxAttempts = 4;
    private const int MaxReasonableDays = 365;

    public async Task<ErrandResult<BalanceOverview>> GetOpenBalanceAsync(ErrandCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.CustomerId is null)
        {
            return await RefuseAsync<BalanceOverview>("open-balance", caller, null, ErrandOutcome.LoginRequired, "login-required", LoginRequired, cancellationToken);
        }

        var purchases = await CustomerPurchasesAsync(caller.CustomerId, cancellationToken);
        await AuditAsync("open-balance", caller, null, ErrandOutcome.Done, "ok", null, null, null, null, cancellationToken);
        return ErrandResult<BalanceOverview>.Done(AccountViews.Balance(caller.CustomerId, purchases));
    }

    public async Task<ErrandResult<NextPayment>> GetNextPaymentAsync(ErrandCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.CustomerId is null)
        {
            return await RefuseAsync<NextPayment>("next-payment", caller, null, ErrandOutcome.LoginRequired, "login-required", LoginRequired, cancellationToken);
        }

        var purchases = await CustomerPurchasesAsync(caller.CustomerId, cancellationToken);
        var next = purchases
            .SelectMany(p => p.Instalments.Where(i => i.IsOpen && i.Status != InstalmentStatus.Paused).Select(i => (Purchase: p, Instalment: i)))
            .OrderBy(x => x.Instalment.Due).ThenBy(x => x.Purchase.Number).FirstOrDefault();
        if (next.Purchase is null)
        {
            await AuditAsync("next-payment", caller, null, ErrandOutcome.Done, "nothing-due", null, null, null, null, cancellationToken);
            return ErrandResult<NextPayment>.Fail(ErrandOutcome.Done, "nothing-due", "Nothing is due at the moment.");
        }

        var (purchase, instalment) = next;
        await AuditAsync("next-payment", caller, purchase.Number, ErrandOutcome.Done, "ok", null, null, null, null, cancellationToken);
        return ErrandResult<NextPayment>.Done(new NextPayment(purchase.Number, purchase.MerchantName, instalment.Seq, instalment.Due, instalment.Open,
            instalment.Status.ToString().ToLowerInvariant(), purchase.Instalments.Count(i => i.IsOpen)));
    }

    public Task<ErrandResult<PurchaseSchedule>> GetPaymentScheduleAsync(ErrandCaller caller, string purchaseNumber, CancellationToken cancellationToken = default) =>
        RunAsync("payment-schedule", caller, purchaseNumber, null, purchase => ErrandResult<PurchaseSchedule>.Done(AccountViews.Schedule(purchase)), cancellationToken);

    public Task<ErrandResult<RefundStatus>> GetRefundStatusAsync(ErrandCaller caller, string purchaseNumber, CancellationToken cancellationToken = default) =>
        RunAsync("refund-status", caller, purchaseNumber, null, purchase => ErrandResult<RefundStatus>.Done(new RefundStatus(
            purchase.Number, purchase.MerchantName, purchase.Refunded,
            [.. purchase.Refunds.OrderBy(r => r.IssuedAt).Select(r => new RefundView(r.Amount, r.PaidOutToCustomer, r.IssuedAt))],
            purchase.ReturnReportedOn, purchase.PausedUntil, purchase.OpenAmount,
            purchase.Dispute == DisputeStatus.None ? null : AccountViews.Wire(purchase.Dispute))), cancellationToken);

    public Task<ErrandResult<ReturnRegistered>> MarkReturnSentAsync(ErrandCaller caller, string purchaseNumber, string idempotencyKey, CancellationToken cancellationToken = default) =>
        RunAsync("return-sent", caller, purchaseNumber, idempotencyKey ?? string.Empty, purchase =>
        {
            var until = purchase.ReportReturn(Today, policy, clock.GetUtcNow());
            return ErrandResult<ReturnRegistered>.Done(new ReturnRegistered(purchase.Number, purchase.MerchantName, purchase.OpenAmount, until),
                $"Return registered; payment is paused until {until:yyyy-MM-dd}.");
        }, cancellationToken);

    public Task<ErrandResult<DueDateExtension>> ExtendDueDateAsync(ErrandCaller caller, string purchaseNumber, int days, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.CustomerId is not null && days is < 1 or > MaxReasonableDays)
        {
            return RefuseAsync<DueDateExtension>("extend-due-date", caller, purchaseNumber, ErrandOutcome.Invalid, "extension.days-invalid",
                $"An extension is a number of days from 1 upwards (at most {policy.InstalmentExtensionDays}); {days} is not possible.", cancellationToken);
        }

        return RunAsync("extend-due-date", caller, purchaseNumber, idempotencyKey ?? string.Empty, purchase =>
        {
            var (instalment, from) = purchase.ExtendDueDate(days, Today, policy, clock.GetUtcNow());
            return ErrandResult<DueDateExtension>.Done(new DueDateExtension(purchase.Number, instalment.Seq, from, instalment.Due, instalment.Open, policy.ExtensionFee),
                $"Due date moved from {from:yyyy-MM-dd} to {instalment.Due:yyyy-MM-dd}.");
        }, cancellationToken);
    }

    public Task<ErrandResult<InvoiceResent>> ResendInvoiceAsync(ErrandCaller caller, string purchaseNumber, string idempotencyKey, CancellationToken cancellationToken = default) =>
        RunAsync("resend-invoice", caller, purchaseNumber, idempotencyKey ?? string.Empty, purchase =>
        {
            var customer = db.Customers.Local.SingleOrDefault(c => c.Id == purchase.CustomerId)
                ?? throw new DomainException("customer.unknown", "The customer of this purchase is not on file.");
            var now = clock.GetUtcNow();
            db.EmailOutbox.Add(InvoiceEmail.Compose(customer, purchase, now));
            var masked = InvoiceEmail.Mask(customer.Email);
            return ErrandResult<InvoiceResent>.Done(new InvoiceResent(purchase.Number, masked, now), $"Invoice sent again to {masked}.");
        }, cancellationToken);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private const string LoginRequired = "Please log in first: account errands need to know who you are.";

    private async Task<ErrandResult<T>> RunAsync<T>(string errand, ErrandCaller caller, string purchaseNumber, string? idempotencyKey,
        Func<Purchase, ErrandResult<T>> action, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.CustomerId is null)
        {
            return await RefuseAsync<T>(errand, caller, purchaseNumber, ErrandOutcome.LoginRequired, "login-required", LoginRequired, cancellationToken);
        }

        var number = purchaseNumber?.Trim().ToUpperInvariant() ?? string.Empty;
        if (number.Length is 0 or > 32)
        {
            return await RefuseAsync<T>(errand, caller, null, ErrandOutcome.Invalid, "purchase.number-invalid", "Please give the purchase number from the invoice (e.g. P-100001-1).", cancellationToken);
        }

        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200))
        {
            return await RefuseAsync<T>(errand, caller, number, ErrandOutcome.Invalid, "idempotency-key", "A change needs an idempotency key (1–200 characters).", cancellationToken);
        }

        if (idempotencyKey is not null && await ReplayAsync<T>(errand, caller.CustomerId, idempotencyKey, cancellationToken) is { } replay)
        {
            return replay;
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var purchase = await db.Purchases.Include(p => p.Instalments).Include(p => p.Refunds).Include(p => p.Payments).AsSplitQuery()
                .SingleOrDefaultAsync(p => p.Number == number, cancellationToken);
            if (purchase is null)
            {
                return await RefuseAsync<T>(errand, caller, number, ErrandOutcome.NotFound, "purchase.not-found", $"There is no purchase {number}.", cancellationToken);
            }

            if (!string.Equals(purchase.CustomerId, caller.CustomerId, StringComparison.Ordinal))
            {
                // Someone asking about another customer's purchase: refuse without saying whose it is, and keep a record.
                return await RefuseAsync<T>(errand, caller, number, ErrandOutcome.NotAllowed, "purchase.not-yours", $"Purchase {number} is not on your account.", cancellationToken);
            }

            await db.Customers.Where(c => c.Id == purchase.CustomerId).LoadAsync(cancellationToken);
            var now = clock.GetUtcNow();
            purchase.Refresh(Today, policy, now);
            var before = AccountViews.Snapshot(purchase);
            ErrandResult<T> result;
            try
            {
                result = action(purchase);
            }
            catch (DomainException refused)
            {
                // The aggregate may have half-applied nothing: it checks before it changes. Save only the refresh.
                result = ErrandResult<T>.Fail(ErrandOutcome.Refused, refused.Code, refused.Message);
            }

            var changed = idempotencyKey is not null && result.Outcome == ErrandOutcome.Done;
            db.AuditRecords.Add(Audit(errand, caller, number, result.Outcome, result.Code, before, changed ? AccountViews.Snapshot(purchase) : null,
                idempotencyKey, changed ? JsonSerializer.Serialize(result) : null, now));
            purchase.TakeDomainEvents();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another writer changed the purchase (version token): run again on fresh state; a replay may answer now.
                db.ChangeTracker.Clear();
                if (idempotencyKey is not null && await ReplayAsync<T>(errand, caller.CustomerId, idempotencyKey, cancellationToken) is { } again)
                {
                    return again;
                }
            }
        }
    }

    private async Task<ErrandResult<T>?> ReplayAsync<T>(string errand, string customerId, string key, CancellationToken cancellationToken)
        where T : class
    {
        var stored = await db.AuditRecords.AsNoTracking()
            .Where(a => a.Errand == errand && a.IdempotencyKey == key && a.CustomerId == customerId && a.Result != null)
            .Select(a => a.Result).FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize<ErrandResult<T>>(stored);
    }

    /// <summary>All purchases of a customer, brought up to today (overdue, fees, ended pauses): what the account shows.</summary>
    public Task<List<Purchase>> LoadAccountAsync(string customerId, CancellationToken cancellationToken) => CustomerPurchasesAsync(customerId, cancellationToken);

    private async Task<List<Purchase>> CustomerPurchasesAsync(string customerId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var purchases = await db.Purchases.Include(p => p.Instalments).Include(p => p.Refunds).Include(p => p.Payments).AsSplitQuery()
            .Where(p => p.CustomerId == customerId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var purchase in purchases)
        {
            purchase.Refresh(Today, policy, now);
            purchase.TakeDomainEvents();
        }

        if (db.ChangeTracker.HasChanges())
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else brought them up to date at the same moment; the figures shown are the same.
            }
        }

        return purchases;
    }

    private async Task<ErrandResult<T>> RefuseAsync<T>(string errand, ErrandCaller caller, string? purchaseNumber, ErrandOutcome outcome, string code, string message,
        CancellationToken cancellationToken)
        where T : class
    {
        await AuditAsync(errand, caller, purchaseNumber, outcome, code, null, null, null, null, cancellationToken);
        return ErrandResult<T>.Fail(outcome, code, message);
    }

    private async Task AuditAsync(string errand, ErrandCaller caller, string? purchaseNumber, ErrandOutcome outcome, string code, string? before, string? after,
        string? key, string? result, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.AuditRecords.Add(Audit(errand, caller, purchaseNumber, outcome, code, before, after, key, result, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AuditRecord Audit(string errand, ErrandCaller caller, string? purchaseNumber, ErrandOutcome outcome, string code, string? before, string? after,
        string? key, string? result, DateTimeOffset at) => new()
        {
            At = at,
            ActorKind = caller.Kind.ToString().ToLowerInvariant(),
            ActorId = caller.ActorId.Length > 64 ? caller.ActorId[..64] : caller.ActorId,
            Errand = errand,
            CustomerId = caller.CustomerId,
            PurchaseNumber = purchaseNumber is { Length: > 64 } ? purchaseNumber[..64] : purchaseNumber,
            ConversationId = caller.ConversationId,
            Outcome = OutcomeWire(outcome),
            Code = code,
            Before = before,
            After = after,
            IdempotencyKey = key,
            Result = result,
        };

    private static string OutcomeWire(ErrandOutcome outcome) => outcome switch
    {
        ErrandOutcome.Done => "done",
        ErrandOutcome.Refused => "refused",
        ErrandOutcome.NotAllowed => "not-allowed",
        ErrandOutcome.NotFound => "not-found",
        ErrandOutcome.Invalid => "invalid",
        _ => "login-required",
    };
}
