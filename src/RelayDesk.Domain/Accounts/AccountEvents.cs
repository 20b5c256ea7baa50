namespace RelayDesk.Domain.Accounts;

public sealed record PurchaseCreated(Guid PurchaseId, string CustomerId, decimal Amount, PlanKind Plan, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PaymentReceived(Guid PurchaseId, decimal Amount, decimal OpenAfter, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record InstalmentFellOverdue(Guid PurchaseId, int Seq, DateOnly Due, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record LateFeeCharged(Guid PurchaseId, int Seq, decimal Fee, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReturnReported(Guid PurchaseId, DateOnly PausedUntil, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PauseEnded(Guid PurchaseId, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record RefundIssued(Guid PurchaseId, decimal Amount, decimal PaidOutToCustomer, decimal OpenAfter, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record DisputeChanged(Guid PurchaseId, DisputeStatus Status, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record DueDateExtended(Guid PurchaseId, int Seq, DateOnly From, DateOnly To, decimal Fee, DateTimeOffset OccurredAt) : IDomainEvent;
