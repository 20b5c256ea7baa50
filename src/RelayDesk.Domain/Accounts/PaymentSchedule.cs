namespace RelayDesk.Domain.Accounts;

/// <summary>One planned payment: when, how much, and how it splits into principal and interest.</summary>
public sealed record ScheduledPayment(DateOnly Due, decimal Amount, decimal Principal, decimal Interest);

/// <summary>
/// The payment plan of an amount, as the product computes it everywhere (purchases, the API, the CLI).
/// <list type="bullet">
/// <item>Pay in 30 days: one invoice for the whole amount, due 30 days after the start.</item>
/// <item>Pay in 3: three equal instalments every 14 days from the start; Pay in 4: four equal monthly instalments.
/// Each is the amount divided by the count, rounded down to the cent; the last instalment takes the remaining cents.</item>
/// <item>Financing: an annuity over 6–36 months at the nominal yearly rate (Sollzins) / 12 per month. The monthly
/// payment is rounded to the cent; each month's interest is the open principal times the monthly rate, rounded to the
/// cent; the last instalment pays the remaining principal plus its interest, so it absorbs all rounding.</item>
/// </list>
/// Monthly due dates fall on the start's day of month (or the month's last day when shorter).
/// </summary>
public sealed record PaymentSchedule(PlanKind Plan, decimal Principal, decimal NominalRate, IReadOnlyList<ScheduledPayment> Payments)
{
    public const int MinimumFinancingMonths = 6;
    public const int MaximumFinancingMonths = 36;

    /// <summary>The highest nominal yearly rate the desk computes, in percent.</summary>
    public const decimal MaximumNominalRate = 30m;

    public decimal Total => Payments.Sum(p => p.Amount);

    public decimal TotalInterest => Payments.Sum(p => p.Interest);

    /// <summary>The effective annual rate (effektiver Jahreszins) in percent, two decimals; 0 for interest-free plans.</summary>
    public decimal EffectiveApr => TotalInterest == 0 ? 0 : EffectiveRate.AnnualPercentage(Principal, Payments.Select(p => p.Amount).ToList());

    public static PaymentSchedule Create(PlanKind plan, decimal principal, DateOnly start, decimal nominalRate = 0, int months = 0)
    {
        Money.RequirePositive(principal, "amount");
        return plan switch
        {
            PlanKind.PayIn30 => new(plan, principal, 0, [new ScheduledPayment(start.AddDays(30), principal, principal, 0)]),
            PlanKind.PayIn3 => Equal(plan, principal, 3, i => start.AddDays(14 * i)),
            PlanKind.PayIn4 => Equal(plan, principal, 4, i => start.AddMonths(i)),
            _ => Annuity(principal, nominalRate, months, start),
        };
    }

    private static PaymentSchedule Equal(PlanKind plan, decimal principal, int count, Func<int, DateOnly> due)
    {
        var share = Math.Floor(principal / count * 100) / 100;
        var payments = new List<ScheduledPayment>(count);
        for (var i = 1; i <= count; i++)
        {
            var amount = i < count ? share : principal - (share * (count - 1));
            payments.Add(new ScheduledPayment(due(i), amount, amount, 0));
        }

        return new(plan, principal, 0, payments);
    }

    private static PaymentSchedule Annuity(decimal principal, decimal nominalRate, int months, DateOnly start)
    {
        if (months is < MinimumFinancingMonths or > MaximumFinancingMonths)
        {
            throw new DomainException("financing.months", $"Financing runs {MinimumFinancingMonths} to {MaximumFinancingMonths} months, not {months}.");
        }

        if (nominalRate is < 0 or > MaximumNominalRate)
        {
            throw new DomainException("financing.rate", $"The nominal rate must be between 0 and {MaximumNominalRate} percent.");
        }

        var monthly = nominalRate / 100m / 12m;
        var payment = monthly == 0 ? Money.Round(principal / months) : Money.Round(principal * monthly / (1 - (1 / Power(1 + monthly, months))));
        var open = principal;
        var payments = new List<ScheduledPayment>(months);
        for (var i = 1; i <= months; i++)
        {
            var interest = Money.Round(open * monthly);
            var repaid = i < months ? Math.Min(payment - interest, open) : open;
            open -= repaid;
            payments.Add(new ScheduledPayment(start.AddMonths(i), repaid + interest, repaid, interest));
        }

        return new(PlanKind.Financing, principal, nominalRate, payments);
    }

    private static decimal Power(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= value;
        }

        return result;
    }
}
