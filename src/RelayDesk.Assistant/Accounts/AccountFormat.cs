using System.Globalization;

namespace RelayDesk.Assistant.Accounts;

/// <summary>Money and dates as customers read them: German (<c>87,91 €</c>, <c>15.02.2026</c>) or English (<c>€87.91</c>, <c>15 Feb 2026</c>).</summary>
internal static class AccountFormat
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal amount, string language) => language == "de"
        ? string.Create(German, $"{amount:N2} €")
        : string.Create(English, $"€{amount:N2}");

    public static string Date(DateOnly date, string language) => language == "de"
        ? date.ToString("dd.MM.yyyy", German)
        : date.ToString("d MMM yyyy", English);
}
