using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// Replaces personal data with stable placeholders (<c>[EMAIL_1]</c>, <c>[IBAN_1]</c>, …) for one turn: the same value
/// gets the same placeholder in the customer's text, the history and tool results, so the model can still refer to
/// it. Known values of the customer are replaced first (a name has no pattern), then everything with a recognisable
/// shape. <see cref="Restore"/> puts the values back — in full for tool arguments, masked for payment data in replies.
/// </summary>
public sealed partial class PersonalDataRedactor
{
    private const int TimeoutMs = 250;

    private readonly List<(PersonalDataKind Kind, Regex Pattern)> _known = [];
    private readonly Dictionary<(PersonalDataKind, string), string> _placeholders = [];
    private readonly Dictionary<string, (PersonalDataKind Kind, string Value)> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<PersonalDataKind, int> _counters = [];
    private readonly Lock _gate = new();

    public PersonalDataRedactor(IEnumerable<KnownPersonalValue> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var value in known.Where(v => !string.IsNullOrWhiteSpace(v.Value)))
        {
            foreach (var pattern in PatternsFor(value))
            {
                _known.Add((value.Kind, pattern));
            }
        }

        // Longest first, so "Jana Müller" wins over "Jana".
        _known.Sort((a, b) => b.Pattern.ToString().Length.CompareTo(a.Pattern.ToString().Length));
    }

    /// <summary>How many distinct values were replaced so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            foreach (var (kind, pattern) in _known)
            {
                text = pattern.Replace(text, m => Placeholder(kind, m.Value));
            }

            foreach (var (kind, pattern, accept) in PersonalDataPatterns.All)
            {
                text = pattern.Replace(text, m => accept(m.Value) ? Placeholder(kind, m.Value) : m.Value);
            }

            return text;
        }
    }

    /// <summary>
    /// Puts the values back for placeholders this redactor made; others stay as they are. With
    /// <paramref name="maskPaymentData"/> card numbers and IBANs come back masked (last four characters), as a customer
    /// reply should show them.
    /// </summary>
    public string Restore(string text, bool maskPaymentData)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (_values.Count == 0)
            {
                return text;
            }

            return PlaceholderPattern().Replace(text, m =>
            {
                if (!_values.TryGetValue(m.Value, out var found))
                {
                    return m.Value;
                }

                return maskPaymentData && found.Kind is PersonalDataKind.Card or PersonalDataKind.Iban ? Mask(found.Kind, found.Value) : found.Value;
            });
        }
    }

    private string Placeholder(PersonalDataKind kind, string value)
    {
        var key = (kind, Normalize(kind, value));
        if (_placeholders.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var number = _counters.GetValueOrDefault(kind) + 1;
        _counters[kind] = number;
        var placeholder = string.Create(CultureInfo.InvariantCulture, $"[{Prefix(kind)}_{number}]");
        _placeholders[key] = placeholder;
        _values[placeholder] = (kind, value);
        return placeholder;
    }

    private static string Prefix(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Name => "NAME",
        PersonalDataKind.Email => "EMAIL",
        PersonalDataKind.Phone => "PHONE",
        PersonalDataKind.Address => "ADDRESS",
        PersonalDataKind.Iban => "IBAN",
        PersonalDataKind.Card => "CARD",
        _ => "DATA",
    };

    private static string Normalize(PersonalDataKind kind, string value) => kind switch
    {
        PersonalDataKind.Phone => NormalizePhone(value),
        PersonalDataKind.Iban or PersonalDataKind.Card => PersonalDataPatterns.Compact(value),
        _ => string.Join(' ', value.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant(),
    };

    /// <summary>+49 170 …, 0049 170 … and 0170 … are one number (German national numbers assumed for a leading 0).</summary>
    private static string NormalizePhone(string value)
    {
        var digits = PersonalDataPatterns.Digits(value);
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return digits[2..];
        }

        return digits.StartsWith('0') && !value.TrimStart().StartsWith('+') ? "49" + digits[1..] : digits;
    }

    private static string Mask(PersonalDataKind kind, string value)
    {
        var compact = PersonalDataPatterns.Compact(value);
        if (compact.Length < 8)
        {
            return "****";
        }

        return kind == PersonalDataKind.Iban ? $"{compact[..4]} **** {compact[^4..]}" : $"**** {compact[^4..]}";
    }

    private static IEnumerable<Regex> PatternsFor(KnownPersonalValue known)
    {
        var value = known.Value.Trim();
        switch (known.Kind)
        {
            case PersonalDataKind.Name:
                var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                yield return Words(parts);
                foreach (var part in parts.Where(p => p.Length >= 3))
                {
                    yield return Words([part]);
                }

                break;
            case PersonalDataKind.Address:
                var pieces = value.Split([' ', ',', '\n'], StringSplitOptions.RemoveEmptyEntries);
                yield return Flexible(string.Join("[\\s,]+", pieces.Select(Regex.Escape)));
                var street = value.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries)[0].Trim();
                if (street.Length >= 5 && street.Length < value.Length)
                {
                    yield return Flexible(string.Join("\\s+", street.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));
                }

                break;
            case PersonalDataKind.Phone:
                var digits = NormalizePhone(value);
                var national = digits.StartsWith("49", StringComparison.Ordinal) ? digits[2..] : digits;
                if (national.Length >= 5)
                {
                    yield return Flexible(@"(?<![\w+])(?:(?:\+|00)\d{1,3}[\s\-/()]*|0)?" + SeparatedCharacters(national, @"[\s\-/()]*") + @"(?!\w)");
                }

                break;
            case PersonalDataKind.Iban:
            case PersonalDataKind.Card:
                var compact = PersonalDataPatterns.Compact(value);
                if (compact.Length >= 8)
                {
                    yield return Flexible(@"(?<!\w)" + SeparatedCharacters(compact, @"[\s\-]?") + @"(?!\w)");
                }

                break;
            default:
                yield return Flexible(Regex.Escape(value));
                break;
        }
    }

    private static Regex Words(IEnumerable<string> parts) =>
        Flexible(@"(?<!\w)" + string.Join(@"\s+", parts.Select(Regex.Escape)) + @"(?!\w)");

    private static string SeparatedCharacters(string characters, string separator)
    {
        var pattern = new StringBuilder();
        for (var i = 0; i < characters.Length; i++)
        {
            pattern.Append(i == 0 ? string.Empty : separator).Append(Regex.Escape(characters[i].ToString()));
        }

        return pattern.ToString();
    }

    private static Regex Flexible(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(TimeoutMs));

    [GeneratedRegex(@"\[(?:NAME|EMAIL|PHONE|ADDRESS|IBAN|CARD)_\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
