namespace RelayDesk.Domain.Accounts;

public sealed partial class Purchase
{
    /// <summary>
    /// The customer sent (part of) the order back: the open amount is paused for <see cref="AccountPolicy.ReturnPauseDays"/>
    /// days so the merchant can process it. Nothing open falls due before the pause ends. Returns the pause's end.
    /// </summary>
    public DateOnly ReportReturn(DateOnly today, AccountPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (OpenAmount == 0)
        {
            throw new DomainException("return.nothing-open", "Nothing is open on this purchase, so there is nothing to pause.");
        }

        if (PauseReason == PauseReason.Return)
        {
            throw new DomainException("return.already-reported", $"The return is already registered; payment is paused until {PausedUntil:yyyy-MM-dd}.");
        }

        if (PauseReason == PauseReason.Dispute)
        {
            throw new DomainException("return.disputed", "A dispute is open on this purchase; the payment is already paused.");
        }

        var until = today.AddDays(policy.ReturnPauseDays);
        Pause(PauseReason.Return, until);
        ReturnReportedOn = today;
        Touch(new ReturnReported(Id, until, now));
        return until;
    }

    /// <summary>The customer disputes the purchase with the merchant: the open amount is paused while the dispute runs.</summary>
    public void OpenDispute(DateTimeOffset now)
    {
        if (Dispute is DisputeStatus.Open or DisputeStatus.MerchantResponded)
        {
            throw new DomainException("dispute.already-open", "A dispute is already open on this purchase.");
        }

        if (OpenAmount == 0)
        {
            throw new DomainException("dispute.nothing-open", "Nothing is open on this purchase.");
        }

        Pause(PauseReason.Dispute, null);
        Dispute = DisputeStatus.Open;
        Touch(new DisputeChanged(Id, Dispute, now));
    }

    public void MerchantResponded(DateTimeOffset now)
    {
        RequireDispute(DisputeStatus.Open);
        Dispute = DisputeStatus.MerchantResponded;
        Touch(new DisputeChanged(Id, Dispute, now));
    }

    /// <summary>The dispute is decided. Won: the open amount is cancelled (a full refund). Lost: the plan resumes, nothing due sooner than the policy's resume days.</summary>
    public void DecideDispute(bool customerWon, DateOnly today, AccountPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Dispute is not (DisputeStatus.Open or DisputeStatus.MerchantResponded))
        {
            throw new DomainException("dispute.not-open", "No dispute is open on this purchase.");
        }

        Dispute = customerWon ? DisputeStatus.Won : DisputeStatus.Lost;
        Touch(new DisputeChanged(Id, Dispute, now));
        if (customerWon)
        {
            IssueRefund(Amount - Refunded, now);
            return;
        }

        var earliest = today.AddDays(policy.DisputeResumeDays);
        foreach (var instalment in _instalments.Where(i => i.Status == InstalmentStatus.Paused && i.Due < earliest))
        {
            instalment.Due = earliest;
        }

        Resume(now, "dispute-lost");
    }

    /// <summary>
    /// The merchant refunds <paramref name="amount"/>. A refund reduces what is still open from the <b>last</b>
    /// instalment backwards (so the next payment stays as planned and the plan ends sooner); an instalment reduced to
    /// what was already paid on it is settled (paid, or cancelled when nothing was paid). Any refund beyond the open
    /// amount is paid out to the customer. Financed purchases work the same way on the gross instalments (interest is
    /// not recalculated). A refund ends a return pause: the remaining instalments keep their (already moved) dates.
    /// </summary>
    public Refund Refund(decimal amount, DateTimeOffset now)
    {
        Money.RequirePositive(amount, "refund");
        if (amount > Amount - Refunded)
        {
            throw new DomainException("refund.too-much", $"Only {Amount - Refunded} EUR of this purchase can still be refunded, not {amount} EUR.");
        }

        return IssueRefund(amount, now);
    }

    private Refund IssueRefund(decimal amount, DateTimeOffset now)
    {
        var left = amount;
        foreach (var instalment in _instalments.Where(i => i.IsOpen).OrderByDescending(i => i.Due).ThenByDescending(i => i.Seq))
        {
            var owed = Math.Max(0, instalment.Amount - instalment.Paid);
            var part = Math.Min(left, owed);
            instalment.Amount -= part;
            left -= part;
            if (instalment.Open == 0)
            {
                instalment.Status = instalment.Paid > 0 ? InstalmentStatus.Paid : InstalmentStatus.Cancelled;
            }

            if (left == 0)
            {
                break;
            }
        }

        Refunded += amount;
        var refund = new Refund(Guid.CreateVersion7(now), Id, amount, left, now);
        _refunds.Add(refund);
        if (PauseReason == PauseReason.Return || (PauseReason == PauseReason.Dispute && OpenAmount == 0))
        {
            Resume(now, "refunded");
        }

        Touch(new RefundIssued(Id, amount, left, OpenAmount, now));
        return refund;
    }

    /// <summary>
    /// Moves the next open payment's due date by <paramref name="days"/>, within the extension policy: once per
    /// purchase; at most 10 days for a Pay-in-30 invoice, 14 for an instalment (configurable); not for financing,
    /// not when overdue or paused. The policy's fee, if any, is added to that payment.
    /// </summary>
    public (Instalment Instalment, DateOnly From) ExtendDueDate(int days, DateOnly today, AccountPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Plan == PlanKind.Financing)
        {
            throw new DomainException("extension.financing", "Due dates of a financing plan cannot be extended.");
        }

        if (DueDateExtended)
        {
            throw new DomainException("extension.already-used", "The due date of this purchase was already extended once; it can only be extended once.");
        }

        var next = NextOpen ?? throw new DomainException("extension.nothing-open", "Nothing is open on this purchase.");
        if (next.Status == InstalmentStatus.Overdue || _instalments.Any(i => i.Status == InstalmentStatus.Overdue) || next.Due < today)
        {
            throw new DomainException("extension.overdue", "The payment is already overdue; an overdue payment cannot be extended.");
        }

        if (IsPaused)
        {
            throw new DomainException("extension.paused", "Payment is paused at the moment, so nothing needs extending.");
        }

        var maximum = policy.MaximumExtensionDays(Plan);
        if (days < 1 || days > maximum)
        {
            throw new DomainException("extension.days", $"The due date can be extended by 1 to {maximum} days.");
        }

        var from = next.Due;
        next.Due = from.AddDays(days);
        next.Fees += policy.ExtensionFee;
        DueDateExtended = true;
        Touch(new DueDateExtended(Id, next.Seq, from, next.Due, policy.ExtensionFee, now));
        return (next, from);
    }

    private void Pause(PauseReason reason, DateOnly? until)
    {
        PauseReason = reason;
        PausedUntil = until;
        foreach (var instalment in _instalments.Where(i => i.IsOpen))
        {
            instalment.Status = InstalmentStatus.Paused;
            if (until is { } end && instalment.Due < end)
            {
                instalment.Due = end;
            }
        }
    }

    private void RequireDispute(DisputeStatus status)
    {
        if (Dispute != status)
        {
            throw new DomainException("dispute.state", $"The dispute is {Dispute}, not {status}.");
        }
    }
}
