using RelayDesk.Domain.Accounts;
using static RelayDesk.Domain.Tests.Accounts.PurchaseBuilder;

namespace RelayDesk.Domain.Tests.Accounts;

public sealed class PurchasePolicyTests
{
    private static readonly AccountPolicy Policy = AccountPolicy.Default;

    [Fact]
    public void ExtendDueDate_PayIn30_MovesTheInvoiceOnce_AndASecondExtensionIsRefused()
    {
        var purchase = Build(PlanKind.PayIn30, 80m);

        var (instalment, from) = purchase.ExtendDueDate(10, Today, Policy, Now);
        var second = Assert.Throws<DomainException>(() => purchase.ExtendDueDate(3, Today, Policy, Now));

        Assert.Equal(Today.AddDays(30), from);
        Assert.Equal(Today.AddDays(40), instalment.Due);
        Assert.Equal("extension.already-used", second.Code);
        Assert.Equal(Today.AddDays(40), purchase.Instalments[0].Due);
        Assert.Single(purchase.TakeDomainEvents().OfType<DueDateExtended>());
    }

    [Fact]
    public void ExtendDueDate_BeyondThePolicyDays_IsRefused_InstalmentsAllow14()
    {
        var invoice = Build(PlanKind.PayIn30);
        var instalments = Build(PlanKind.PayIn4);

        Assert.Equal("extension.days", Assert.Throws<DomainException>(() => invoice.ExtendDueDate(11, Today, Policy, Now)).Code);
        Assert.Equal("extension.days", Assert.Throws<DomainException>(() => invoice.ExtendDueDate(0, Today, Policy, Now)).Code);
        instalments.ExtendDueDate(14, Today, Policy, Now);
        Assert.False(invoice.DueDateExtended);
    }

    [Fact]
    public void ExtendDueDate_WhenOverdue_IsRefused()
    {
        var purchase = Build(PlanKind.PayIn30, 80m, start: Today.AddDays(-40));
        purchase.Refresh(Today, Policy, Now);

        var error = Assert.Throws<DomainException>(() => purchase.ExtendDueDate(5, Today, Policy, Now));

        Assert.Equal("extension.overdue", error.Code);
        Assert.Equal(InstalmentStatus.Overdue, purchase.Instalments[0].Status);
    }

    [Fact]
    public void ExtendDueDate_OnFinancing_IsRefused()
    {
        var purchase = Build(PlanKind.Financing, 1000m);

        Assert.Equal("extension.financing", Assert.Throws<DomainException>(() => purchase.ExtendDueDate(5, Today, Policy, Now)).Code);
    }

    [Fact]
    public void ExtendDueDate_WithAFeeInThePolicy_AddsTheFeeToThatPayment()
    {
        var purchase = Build(PlanKind.PayIn30, 80m);

        purchase.ExtendDueDate(7, Today, Policy with { ExtensionFee = 1.95m }, Now);

        Assert.Equal(81.95m, purchase.OpenAmount);
    }

    [Fact]
    public void PartialRefund_ReducesTheLastInstalmentsFirst()
    {
        // 120 in four: 30, 30, 30, 30. The first is paid; a 45 refund takes 30 off the 4th (cancelled) and 15 off the 3rd.
        var purchase = Build(PlanKind.PayIn4, 120m);
        purchase.Pay(30m, Now);

        var refund = purchase.Refund(45m, Now);

        Assert.Equal([30m, 30m, 15m, 0m], purchase.Instalments.Select(i => i.Amount));
        Assert.Equal([InstalmentStatus.Paid, InstalmentStatus.Scheduled, InstalmentStatus.Scheduled, InstalmentStatus.Cancelled], purchase.Instalments.Select(i => i.Status));
        Assert.Equal(45m, purchase.OpenAmount);
        Assert.Equal(0m, refund.PaidOutToCustomer);
    }

    [Fact]
    public void Refund_BeyondWhatIsOpen_IsPaidOutToTheCustomer_AndFullRefundClosesThePlan()
    {
        var purchase = Build(PlanKind.PayIn3, 90m);
        purchase.Pay(60m, Now);

        var refund = purchase.Refund(90m, Now);

        Assert.Equal(0m, purchase.OpenAmount);
        Assert.Equal(60m, refund.PaidOutToCustomer);
        Assert.Equal(InstalmentStatus.Cancelled, purchase.Instalments[2].Status);
        Assert.Equal("refund.too-much", Assert.Throws<DomainException>(() => purchase.Refund(0.01m, Now)).Code);
    }

    [Fact]
    public void Refund_NegativeOrZero_IsRefused_AndChangesNothing()
    {
        var purchase = Build(PlanKind.PayIn3, 90m);

        Assert.Throws<DomainException>(() => purchase.Refund(-10m, Now));
        Assert.Throws<DomainException>(() => purchase.Refund(0m, Now));
        Assert.Equal(90m, purchase.OpenAmount);
        Assert.Empty(purchase.DomainEvents);
    }

    [Fact]
    public void ReportReturn_PausesEverythingOpenForTheReturnPeriod_ThenItResumes()
    {
        var purchase = Build(PlanKind.PayIn3, 90m);

        var until = purchase.ReportReturn(Today, Policy, Now);

        Assert.Equal(Today.AddDays(21), until);
        Assert.All(purchase.Instalments, i => Assert.Equal(InstalmentStatus.Paused, i.Status));
        Assert.All(purchase.Instalments, i => Assert.True(i.Due >= until));
        Assert.Equal("return.already-reported", Assert.Throws<DomainException>(() => purchase.ReportReturn(Today, Policy, Now)).Code);

        purchase.Refresh(until.AddDays(1), Policy, Now);
        Assert.False(purchase.IsPaused);
        Assert.Contains(purchase.DomainEvents, e => e is PauseEnded);
    }

    [Fact]
    public void Dispute_PausesUntilDecided_WonCancelsTheOpenAmount()
    {
        var purchase = Build(PlanKind.PayIn4, 120m);

        purchase.OpenDispute(Now);
        Assert.True(purchase.IsPaused);
        purchase.MerchantResponded(Now);
        purchase.DecideDispute(customerWon: true, Today, Policy, Now);

        Assert.Equal(DisputeStatus.Won, purchase.Dispute);
        Assert.Equal(0m, purchase.OpenAmount);
        Assert.False(purchase.IsPaused);
    }

    [Fact]
    public void Dispute_Lost_ResumesWithNothingDueBeforeTheResumeDays()
    {
        var purchase = Build(PlanKind.PayIn3, 90m);
        purchase.OpenDispute(Now);

        purchase.DecideDispute(customerWon: false, Today, Policy, Now);

        Assert.Equal(DisputeStatus.Lost, purchase.Dispute);
        Assert.All(purchase.Instalments, i => Assert.True(i.Due >= Today.AddDays(14)));
        Assert.All(purchase.Instalments, i => Assert.Equal(InstalmentStatus.Scheduled, i.Status));
    }

    [Fact]
    public void LateFee_IsChargedOnceAfterTheGraceDays_PerTheFeeSchedule()
    {
        var purchase = Build(PlanKind.PayIn30, 80m, start: Today.AddDays(-33));
        purchase.Refresh(Today, Policy, Now);
        Assert.Equal(80m, purchase.OpenAmount);
        Assert.NotNull(purchase.Instalments[0].RemindedOn);

        purchase.Refresh(Today.AddDays(4), Policy, Now);
        purchase.Refresh(Today.AddDays(20), Policy, Now);

        Assert.Equal(85m, purchase.OpenAmount);
        Assert.Single(purchase.DomainEvents.OfType<LateFeeCharged>());
    }

    [Fact]
    public void Payment_SettlesInstalmentsInOrder_AndOverpaymentIsRefused()
    {
        var purchase = Build(PlanKind.PayIn3, 90m);

        purchase.Pay(45m, Now);

        Assert.Equal(InstalmentStatus.Paid, purchase.Instalments[0].Status);
        Assert.Equal(15m, purchase.Instalments[1].Paid);
        Assert.Equal(45m, purchase.OpenAmount);
        Assert.Equal("payment.too-much", Assert.Throws<DomainException>(() => purchase.Pay(45.01m, Now)).Code);
    }
}
