namespace RelayDesk.Domain.Accounts;

/// <summary>
/// Money rules for accounts: amounts are <see cref="decimal"/> euros, rounded to the cent half away from zero
/// (commercial rounding, as on a German invoice) at every step that produces an amount a customer sees.
/// </summary>
public static class Money
{
    public const string Currency = "EUR";

    /// <summary>The largest single purchase or payment the desk accepts; anything above is treated as a typing error.</summary>
    public const decimal MaximumAmount = 100_000m;

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rejects amounts that are not positive, have fractions of a cent, or are absurdly large.</summary>
    public static decimal RequirePositive(decimal amount, string what)
    {
        if (amount <= 0)
        {
            throw new DomainException("amount.not-positive", $"The {what} must be more than zero.");
        }

        if (amount > MaximumAmount)
        {
            throw new DomainException("amount.too-large", $"The {what} of {amount} EUR is larger than any amount the desk handles.");
        }

        if (Round(amount) != amount)
        {
            throw new DomainException("amount.fraction-of-cent", $"The {what} must be given in whole cents.");
        }

        return amount;
    }
}
