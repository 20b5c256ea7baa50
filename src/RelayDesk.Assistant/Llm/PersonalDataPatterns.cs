using System.Text.RegularExpressions;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// Recognises personal data by its shape: IBANs (checksum verified), card numbers (Luhn verified), e-mail addresses,
/// German and international phone numbers, German and English street addresses. Amounts and dates must survive (the
/// model needs them), so phone patterns never take dots or commas as separators.
/// </summary>
internal static partial class PersonalDataPatterns
{
    private const int TimeoutMs = 250;

    /// <summary>In the order they are applied: the digit-heavy, checkable ones first.</summary>
    public static IReadOnlyList<(PersonalDataKind Kind, Regex Pattern, Func<string, bool> Accept)> All { get; } =
    [
        (PersonalDataKind.Iban, Iban(), IsValidIban),
        (PersonalDataKind.Card, Card(), IsValidCardNumber),
        (PersonalDataKind.Email, Email(), _ => true),
        (PersonalDataKind.Phone, InternationalPhone(), _ => true),
        (PersonalDataKind.Phone, NationalPhone(), _ => true),
        (PersonalDataKind.Phone, UsPhone(), _ => true),
        (PersonalDataKind.Address, GermanStreet(), _ => true),
        (PersonalDataKind.Address, EnglishStreet(), _ => true),
    ];

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Iban();

    [GeneratedRegex(@"(?<![\d\w])(?:\d[ -]?){12,18}\d(?![\d\w])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Card();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w+\-])(?:\+|00)[1-9]\d{0,2}(?:[ \-/()]{0,2}\d){6,13}(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex InternationalPhone();

    [GeneratedRegex(@"(?<![\w.,\-])0[1-9]\d{1,4}(?:[ \-/]{0,2}\d){5,10}(?![\d.,]\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NationalPhone();

    [GeneratedRegex(@"\(\d{3}\)\s?\d{3}[\s\-]\d{4}(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex UsPhone();

    [GeneratedRegex(@"(?<!\w)(?:[A-ZÄÖÜ][\wäöüß.\-]*\s+){0,2}(?:[A-ZÄÖÜa-zäöüß][\wäöüß\-]*?)?(?i:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|pfad)\s*\d{1,4}\s?[a-zA-Z]?(?!\w)(?:,?\s*\d{5}(?:\s+[A-ZÄÖÜ][\wäöüß\-]+)?)?", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex GermanStreet();

    [GeneratedRegex(@"(?<!\w)\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?i:street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|boulevard|blvd\.?|way|court|ct\.?|place|pl\.?|terrace|close|crescent)(?!\w)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex EnglishStreet();

    /// <summary>The ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 must be 1.</summary>
    public static bool IsValidIban(string candidate)
    {
        var compact = Compact(candidate);
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]))
        {
            return false;
        }

        var rearranged = compact[4..] + compact[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>The Luhn check over 13–19 digits.</summary>
    public static bool IsValidCardNumber(string candidate)
    {
        var digits = Digits(candidate);
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    public static string Compact(string value) =>
        string.Concat(value.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    public static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));
}
