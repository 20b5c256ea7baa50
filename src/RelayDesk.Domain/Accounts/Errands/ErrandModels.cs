namespace RelayDesk.Domain.Accounts.Errands;

/// <summary>One instalment as customers see it: due date, amount (with fees), what is open, status (scheduled, paid, overdue, paused, cancelled).</summary>
public sealed record InstalmentView(int Seq, DateOnly Due, decimal Amount, decimal Fees, decimal Open, string Status);

/// <summary>One purchase in short: number, merchant, amount, plan, what is still open, the next due payment, pause and dispute.</summary>
public sealed record PurchaseSummary(
    string Number,
    string Merchant,
    string Items,
    decimal Amount,
    string Plan,
    DateTimeOffset PurchasedAt,
    decimal OpenAmount,
    DateOnly? NextDue,
    decimal? NextAmount,
    string? PausedFor,
    DateOnly? PausedUntil,
    string? Dispute,
    bool DueDateExtended);

/// <summary>The open balance over all purchases of the customer.</summary>
public sealed record BalanceOverview(string CustomerId, decimal OpenAmount, decimal OverdueAmount, decimal PausedAmount, string Currency, IReadOnlyList<PurchaseSummary> Purchases);

/// <summary>The full payment plan of one purchase.</summary>
public sealed record PurchaseSchedule(PurchaseSummary Purchase, decimal NominalRate, decimal EffectiveApr, IReadOnlyList<InstalmentView> Instalments);

/// <summary>The next payment the customer has to make.</summary>
public sealed record NextPayment(string PurchaseNumber, string Merchant, int Seq, DateOnly Due, decimal Amount, string Status, int PaymentsLeft);

/// <summary>A return registered: the open amount is paused until <paramref name="PausedUntil"/>.</summary>
public sealed record ReturnRegistered(string PurchaseNumber, string Merchant, decimal PausedAmount, DateOnly PausedUntil);

/// <summary>A refund received from the merchant.</summary>
public sealed record RefundView(decimal Amount, decimal PaidOutToCustomer, DateTimeOffset IssuedAt);

/// <summary>Where a purchase's return and refunds stand.</summary>
public sealed record RefundStatus(string PurchaseNumber, string Merchant, decimal Refunded, IReadOnlyList<RefundView> Refunds, DateOnly? ReturnReportedOn, DateOnly? PausedUntil, decimal OpenAmount, string? Dispute);

/// <summary>A due date moved: which payment, from when to when, and any fee.</summary>
public sealed record DueDateExtension(string PurchaseNumber, int Seq, DateOnly From, DateOnly To, decimal Amount, decimal Fee);

/// <summary>The invoice / payment details sent again by e-mail to the (masked) address.</summary>
public sealed record InvoiceResent(string PurchaseNumber, string MaskedEmail, DateTimeOffset QueuedAt);
