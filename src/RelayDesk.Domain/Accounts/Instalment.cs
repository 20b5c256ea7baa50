namespace RelayDesk.Domain.Accounts;

public enum InstalmentStatus
{
    Scheduled,
    Paid,
    Overdue,
    Paused,
    Cancelled,
}

/// <summary>One payment the customer owes on a purchase. Changed only through its <see cref="Purchase"/>.</summary>
public sealed class Instalment
{
    private Instalment()
    {
    }

    internal Instalment(Guid purchaseId, int seq, ScheduledPayment planned)
    {
        PurchaseId = purchaseId;
        Seq = seq;
        Due = planned.Due;
        OriginalDue = planned.Due;
        Amount = planned.Amount;
        Principal = planned.Principal;
        Interest = planned.Interest;
        Status = InstalmentStatus.Scheduled;
    }

    public Guid PurchaseId { get; private set; }

    /// <summary>1-based position in the plan.</summary>
    public int Seq { get; private set; }

    public DateOnly Due { get; internal set; }

    /// <summary>The due date the plan first had (before pauses or an extension).</summary>
    public DateOnly OriginalDue { get; private set; }

    /// <summary>What this instalment asks for, after refunds; fees are on top.</summary>
    public decimal Amount { get; internal set; }

    public decimal Principal { get; private set; }

    public decimal Interest { get; private set; }

    /// <summary>Late and extension fees charged on this instalment.</summary>
    public decimal Fees { get; internal set; }

    public decimal Paid { get; internal set; }

    public InstalmentStatus Status { get; internal set; }

    /// <summary>When the payment reminder for it went out, if it fell overdue.</summary>
    public DateOnly? RemindedOn { get; internal set; }

    /// <summary>What is still to pay: amount plus fees minus what was paid; never negative.</summary>
    public decimal Open => Status is InstalmentStatus.Paid or InstalmentStatus.Cancelled ? 0 : Math.Max(0, Amount + Fees - Paid);

    public bool IsOpen => Open > 0;
}

/// <summary>Money received for a purchase.</summary>
public sealed record Payment(Guid Id, Guid PurchaseId, decimal Amount, DateTimeOffset ReceivedAt);

/// <summary>Money the merchant gave back for (part of) a purchase, and how much of it went back to the customer.</summary>
public sealed record Refund(Guid Id, Guid PurchaseId, decimal Amount, decimal PaidOutToCustomer, DateTimeOffset IssuedAt);
