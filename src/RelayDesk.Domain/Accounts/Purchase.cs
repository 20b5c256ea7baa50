namespace RelayDesk.Domain.Accounts;

public enum PauseReason
{
    None,
    Return,
    Dispute,
}

public enum DisputeStatus
{
    None,
    Open,
    MerchantResponded,
    Won,
    Lost,
}

/// <summary>
/// A purchase bought on a BNPL plan, with its instalments, payments and refunds. Every change goes through a method
/// that checks the rules and records a domain event; amounts never go negative.
/// </summary>
public sealed partial class Purchase
{
    private readonly List<Instalment> _instalments = [];
    private readonly List<Payment> _payments = [];
    private readonly List<Refund> _refunds = [];
    private readonly List<IDomainEvent> _events = [];

    private Purchase()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The number customers see on the invoice (e.g. <c>P-4F2A91</c>).</summary>
    public string Number { get; private set; } = string.Empty;

    public string CustomerId { get; private set; } = string.Empty;

    public Guid MerchantId { get; private set; }

    public string MerchantName { get; private set; } = string.Empty;

    /// <summary>What was bought, as the merchant described it.</summary>
    public string Items { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = Money.Currency;

    public DateTimeOffset PurchasedAt { get; private set; }

    public PlanKind Plan { get; private set; }

    /// <summary>Financing only: the nominal yearly rate in percent.</summary>
    public decimal NominalRate { get; private set; }

    /// <summary>Financing only: the effective annual rate in percent.</summary>
    public decimal EffectiveApr { get; private set; }

    public PauseReason PauseReason { get; private set; }

    /// <summary>Until when nothing is due (return pause); null while not paused or while a dispute runs.</summary>
    public DateOnly? PausedUntil { get; private set; }

    public DateOnly? ReturnReportedOn { get; private set; }

    public DisputeStatus Dispute { get; private set; }

    public bool DueDateExtended { get; private set; }

    public decimal Refunded { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Instalment> Instalments => _instalments;

    public IReadOnlyList<Payment> Payments => _payments;

    public IReadOnlyList<Refund> Refunds => _refunds;

    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    public decimal OpenAmount => _instalments.Sum(i => i.Open);

    public bool IsPaused => PauseReason != PauseReason.None;

    /// <summary>The next instalment with money open, earliest due first.</summary>
    public Instalment? NextOpen => _instalments.Where(i => i.IsOpen).OrderBy(i => i.Due).ThenBy(i => i.Seq).FirstOrDefault();

    public static Purchase Create(Guid id, string number, string customerId, Merchant merchant, string items, PaymentSchedule schedule, DateTimeOffset purchasedAt)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var purchase = new Purchase
        {
            Id = id,
            Number = number,
            CustomerId = customerId,
            MerchantId = merchant.Id,
            MerchantName = merchant.Name,
            Items = items,
            Amount = schedule.Principal,
            PurchasedAt = purchasedAt,
            Plan = schedule.Plan,
            NominalRate = schedule.NominalRate,
            EffectiveApr = schedule.EffectiveApr,
        };
        var seq = 0;
        foreach (var planned in schedule.Payments)
        {
            purchase._instalments.Add(new Instalment(id, ++seq, planned));
        }

        purchase.Raise(new PurchaseCreated(id, customerId, schedule.Principal, schedule.Plan, purchasedAt));
        return purchase;
    }

    /// <summary>Applies a payment to fees then amounts of the open instalments, earliest first. Overpayment is refused.</summary>
    public void Pay(decimal amount, DateTimeOffset at)
    {
        Money.RequirePositive(amount, "payment");
        if (amount > OpenAmount)
        {
            throw new DomainException("payment.too-much", $"The payment of {amount} EUR is more than the {OpenAmount} EUR open.");
        }

        var left = amount;
        foreach (var instalment in _instalments.Where(i => i.IsOpen).OrderBy(i => i.Due).ThenBy(i => i.Seq))
        {
            var part = Math.Min(left, instalment.Open);
            instalment.Paid += part;
            left -= part;
            if (instalment.Open == 0)
            {
                instalment.Status = InstalmentStatus.Paid;
            }

            if (left == 0)
            {
                break;
            }
        }

        _payments.Add(new Payment(Guid.CreateVersion7(at), Id, amount, at));
        Touch(new PaymentReceived(Id, amount, OpenAmount, at));
    }

    /// <summary>
    /// Brings statuses up to <paramref name="today"/>: an ended return pause resumes the plan; a scheduled instalment
    /// past its due date falls overdue (its reminder goes out); after the grace days the late fee is charged once.
    /// </summary>
    public void Refresh(DateOnly today, AccountPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (PauseReason == PauseReason.Return && PausedUntil < today)
        {
            Resume(now, "return-pause-ended");
        }

        foreach (var instalment in _instalments.Where(i => i.IsOpen))
        {
            if (instalment.Status == InstalmentStatus.Scheduled && instalment.Due < today)
            {
                instalment.Status = InstalmentStatus.Overdue;
                instalment.RemindedOn = instalment.Due.AddDays(1);
                Touch(new InstalmentFellOverdue(Id, instalment.Seq, instalment.Due, now));
            }

            if (instalment.Status == InstalmentStatus.Overdue && instalment.Fees == 0 && today.DayNumber - instalment.Due.DayNumber >= policy.LateFeeAfterDays)
            {
                var fee = Math.Min(policy.LateFee, instalment.Amount);
                instalment.Fees += fee;
                Touch(new LateFeeCharged(Id, instalment.Seq, fee, now));
            }
        }
    }

    private void Resume(DateTimeOffset now, string reason)
    {
        PauseReason = PauseReason.None;
        PausedUntil = null;
        foreach (var instalment in _instalments.Where(i => i.Status == InstalmentStatus.Paused))
        {
            instalment.Status = InstalmentStatus.Scheduled;
        }

        Touch(new PauseEnded(Id, reason, now));
    }

    private void Touch(IDomainEvent domainEvent)
    {
        Version++;
        _events.Add(domainEvent);
    }

    private void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var events = _events.ToList();
        _events.Clear();
        return events;
    }
}
