namespace RelayDesk.Domain.Accounts;

/// <summary>
/// The effective annual percentage rate as the EU Consumer Credit Directive (2008/48/EC, Annex I; § 6 PAngV in
/// Germany) defines it: the rate X at which the amount lent equals the monthly payments discounted by (1 + X)^(−t),
/// t being each payment's time in years, a month counting as 1/12 of a year. Solved by bisection (the present value
/// falls strictly as X rises), shown in percent to two decimals.
/// </summary>
public static class EffectiveRate
{
    public static decimal AnnualPercentage(decimal principal, IReadOnlyList<decimal> monthlyPayments)
    {
        ArgumentNullException.ThrowIfNull(monthlyPayments);
        var lent = (double)principal;
        double PresentValue(double rate)
        {
            var sum = 0.0;
            for (var k = 0; k < monthlyPayments.Count; k++)
            {
                sum += (double)monthlyPayments[k] * Math.Pow(1 + rate, -(k + 1) / 12.0);
            }

            return sum;
        }

        double low = 0, high = 10;
        if (PresentValue(low) <= lent)
        {
            return 0;
        }

        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = (low + high) / 2;
            if (PresentValue(mid) > lent)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return Math.Round((decimal)((low + high) / 2 * 100), 2, MidpointRounding.AwayFromZero);
    }
}
