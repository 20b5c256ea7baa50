using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RelayDesk.Domain.Accounts;

namespace RelayDesk.Domain.Tests.Accounts;

public sealed class PaymentScheduleTests
{
    [Fact]
    public void Financing_1000At9_99For12Months_MatchesTheWorkedExampleToTheCent()
    {
        // Worked by hand: monthly rate 0.0999 / 12 = 0.008325; annuity 1000 × r / (1 − (1 + r)^−12) = 87.9051… → 87.91.
        // Each month's interest is the open principal × r rounded to the cent; the 12th instalment pays the rest.
        var schedule = PaymentSchedule.Create(PlanKind.Financing, 1000m, new DateOnly(2026, 1, 15), 9.99m, 12);

        decimal[] interest = [8.33m, 7.66m, 6.99m, 6.32m, 5.64m, 4.96m, 4.27m, 3.57m, 2.87m, 2.16m, 1.45m, 0.73m];
        Assert.Equal(interest, schedule.Payments.Select(p => p.Interest));
        Assert.All(schedule.Payments.Take(11), p => Assert.Equal(87.91m, p.Amount));
        Assert.Equal(87.94m, schedule.Payments[11].Amount);
        Assert.Equal(87.21m, schedule.Payments[11].Principal);
        Assert.Equal(1000m, schedule.Payments.Sum(p => p.Principal));
        Assert.Equal(54.95m, schedule.TotalInterest);
        Assert.Equal(1054.95m, schedule.Total);
        Assert.Equal(new DateOnly(2026, 2, 15), schedule.Payments[0].Due);
        Assert.Equal(new DateOnly(2027, 1, 15), schedule.Payments[11].Due);
        // Effective annual rate: Σ 87.91 (or 87.94) × (1 + X)^(−k/12) = 1000 ⇒ X = 10.463…% (nominal 9.99% compounded monthly).
        Assert.Equal(10.46m, schedule.EffectiveApr);
    }

    [Fact]
    public void PayIn3_SplitsEquallyEveryTwoWeeks_LastInstalmentTakesTheCents()
    {
        var schedule = PaymentSchedule.Create(PlanKind.PayIn3, 100m, new DateOnly(2026, 1, 15));

        Assert.Equal([33.33m, 33.33m, 33.34m], schedule.Payments.Select(p => p.Amount));
        Assert.Equal([new DateOnly(2026, 1, 29), new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 26)], schedule.Payments.Select(p => p.Due));
        Assert.Equal(0m, schedule.EffectiveApr);
    }

    [Fact]
    public void PayIn4_IsMonthly_AndPayIn30_IsOneInvoiceAfter30Days()
    {
        var four = PaymentSchedule.Create(PlanKind.PayIn4, 99.99m, new DateOnly(2026, 1, 31));
        var thirty = PaymentSchedule.Create(PlanKind.PayIn30, 59.90m, new DateOnly(2026, 1, 15));

        Assert.Equal([24.99m, 24.99m, 24.99m, 25.02m], four.Payments.Select(p => p.Amount));
        Assert.Equal(new DateOnly(2026, 2, 28), four.Payments[0].Due);
        Assert.Equal(new DateOnly(2026, 2, 14), Assert.Single(thirty.Payments).Due);
        Assert.Equal(59.90m, thirty.Total);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(37)]
    public void Financing_OutsideSixTo36Months_IsRefused(int months)
    {
        var error = Assert.Throws<DomainException>(() => PaymentSchedule.Create(PlanKind.Financing, 1000m, new DateOnly(2026, 1, 15), 9.99m, months));
        Assert.Equal("financing.months", error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_000)]
    [InlineData(10.005)]
    public void NonPositiveAbsurdOrSubCentAmounts_AreRefused(decimal amount)
    {
        Assert.Throws<DomainException>(() => PaymentSchedule.Create(PlanKind.PayIn3, amount, new DateOnly(2026, 1, 15)));
    }

    [Property(MaxTest = 300)]
    public Property EveryPlan_SumsToPrincipalPlusInterest_AndNoPaymentIsNegative()
    {
        var plans = Gen.Elements(PlanKind.PayIn30, PlanKind.PayIn3, PlanKind.PayIn4, PlanKind.Financing);
        var cents = Gen.Choose(1, 5_000_000);
        var months = Gen.Choose(6, 36);
        var rates = Gen.Choose(0, 2999);
        return Prop.ForAll(Gen.Zip(Gen.Zip(plans, cents), Gen.Zip(months, rates)).ToArbitrary(), input =>
        {
            var ((plan, amountCents), (term, rateBasis)) = input;
            var principal = amountCents / 100m;
            var schedule = PaymentSchedule.Create(plan, principal, new DateOnly(2026, 1, 31), rateBasis / 100m, term);
            return schedule.Payments.Sum(p => p.Principal) == principal
                && schedule.Total == principal + schedule.TotalInterest
                && schedule.Payments.All(p => p.Amount >= 0 && p.Principal >= 0 && p.Interest >= 0 && p.Amount == Money.Round(p.Amount))
                && schedule.Payments.Zip(schedule.Payments.Skip(1)).All(pair => pair.First.Due < pair.Second.Due);
        });
    }
}
