using System.Globalization;
using System.Text.RegularExpressions;
using RelayDesk.Domain.Accounts.Errands;

namespace RelayDesk.Assistant.Accounts;

/// <summary>
/// Which of the customer's purchases a message points at: by purchase number (<c>P-100001-2</c>), merchant
/// (<c>Zalando</c>, <c>die Zalando-Bestellung</c>), amount (<c>89,90</c>, <c>€89.90</c>, <c>the 89 one</c>) and — only when
/// answering a numbered list — by position (<c>2</c>, <c>Nr. 2</c>, <c>the second one</c>, <c>die zweite</c>, <c>die letzte</c>).
/// Every clue narrows the set; clues that contradict each other point at nothing certain.
/// </summary>
internal static partial class PurchaseMentions
{
    /// <summary>The outcome of reading a message against some purchases.</summary>
    /// <param name="Purchases">The purchases every clue fits (empty when clues contradict each other).</param>
    /// <param name="HasClue">Whether the text points at any purchase at all.</param>
    /// <param name="ByPosition">Whether one clue was a position in the list ("2", "die zweite") — only ever an answer.</param>
    public sealed record Mention(IReadOnlyList<PurchaseSummary> Purchases, bool HasClue, bool ByPosition = false)
    {
        public static Mention None { get; } = new([], false);

        /// <summary>The one purchase meant, when exactly one is.</summary>
        public PurchaseSummary? Single => Purchases.Count == 1 ? Purchases[0] : null;
    }

    /// <summary>The purchases the text names (number, merchant or amount) among <paramref name="purchases"/>.</summary>
    public static Mention Named(string text, IReadOnlyList<PurchaseSummary> purchases) => Read(text, purchases, positions: false);

    /// <summary>The option(s) an answer to a numbered list picks: by position as well as by number, merchant or amount.</summary>
    public static Mention Chosen(string text, IReadOnlyList<PurchaseSummary> options) => Read(text, options, positions: true);

    private static Mention Read(string text, IReadOnlyList<PurchaseSummary> purchases, bool positions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(purchases);
        var clues = new List<IReadOnlyList<PurchaseSummary>>();
        var numbers = PurchaseNumber().Matches(text).Select(m => m.Value).ToList();
        if (numbers.Count > 0)
        {
            clues.Add([.. purchases.Where(p => numbers.Contains(p.Number, StringComparer.OrdinalIgnoreCase))]);
        }

        var position = positions ? Position(text, purchases.Count) : null;
        if (position is not null)
        {
            clues.Add([purchases[position.Value - 1]]);
        }

        var merchants = purchases.Where(p => MentionsMerchant(text, p.Merchant)).ToList();
        if (merchants.Count > 0)
        {
            clues.Add(merchants);
        }

        var amounts = Amounts(text).ToList();
        var byAmount = purchases.Where(p => amounts.Any(a => Means(a, p))).ToList();
        if (byAmount.Count > 0)
        {
            clues.Add(byAmount);
        }

        if (clues.Count == 0)
        {
            return Mention.None;
        }

        var meant = clues.Skip(1).Aggregate(clues[0], (left, right) => [.. left.Where(right.Contains)]);
        return new Mention(meant, HasClue: true, ByPosition: position is not null);
    }

    /// <summary>"2", "Nr. 2", "#2", "die 2 bitte", "the second one", "die zweite", "letzte": the 1-based position, if any.</summary>
    internal static int? Position(string text, int count)
    {
        // "2, um 7 Tage": the day count is not a position.
        var words = Words().Matches(DayCount().Replace(text, " ").ToLowerInvariant()).Select(m => m.Value).Where(w => !Fillers.Contains(w)).ToList();
        var ordinals = words.Select(w => Ordinal(w, count)).OfType<int>().Distinct().ToList();
        int? position = ordinals.Count switch
        {
            1 => ordinals[0],
            0 when words.Count == 1 => Cardinal(words[0]),
            _ => null,
        };
        return position is >= 1 && position <= count ? position : null;
    }

    private static int? Ordinal(string word, int count)
    {
        foreach (var (stem, position) in OrdinalStems)
        {
            if (word.StartsWith(stem, StringComparison.Ordinal) && word.Length - stem.Length <= 2)
            {
                return position < 0 ? count : position;
            }
        }

        return word switch
        {
            "1st" => 1,
            "2nd" => 2,
            "3rd" => 3,
            "4th" => 4,
            "5th" => 5,
            "6th" => 6,
            _ => null,
        };
    }

    private static int? Cardinal(string word) => word switch
    {
        "eins" => 1,
        "two" or "zwei" => 2,
        "three" or "drei" => 3,
        "four" or "vier" => 4,
        "five" or "fünf" => 5,
        "six" or "sechs" => 6,
        _ => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
    };

    // German ordinals take endings (zweite, zweiten, zweiter, zweites); "last"/"letzte" is the last option.
    private static readonly (string Stem, int Position)[] OrdinalStems =
    [
        ("first", 1), ("erste", 1), ("ersten", 1), ("second", 2), ("zweite", 2), ("third", 3), ("dritte", 3),
        ("fourth", 4), ("vierte", 4), ("fifth", 5), ("fünfte", 5), ("sixth", 6), ("sechste", 6), ("last", -1), ("letzte", -1),
    ];

    /// <summary>Words an answer to "which one?" wraps around its pick.</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "die", "der", "das", "den", "dem", "the", "one", "ones", "one's", "a", "an", "nr", "no", "nummer", "number", "option", "bitte", "please",
        "pls", "plz", "ok", "okay", "ja", "yes", "yeah", "yep", "genau", "it", "is", "its", "ist", "es", "that", "this", "diese", "dieser", "dieses",
        "einkauf", "bestellung", "purchase", "order", "rechnung", "invoice", "von", "bei", "at", "from", "mit", "with", "um", "for", "für", "ich", "i",
        "meine", "meinen", "mein", "my", "mean", "meinte", "take", "nehme", "nimm", "dann", "then", "hmm", "äh", "ähm", "danke", "thanks",
    };

    private static bool MentionsMerchant(string text, string merchant)
    {
        if (merchant.Length < 2)
        {
            return false;
        }

        // "Zalando", "zalando-Bestellung", "Zalandos", "About-You"; not "Lotto" for "Otto".
        var pattern = @"(?<![\p{L}\p{N}])" + string.Join(@"[\s\-]*", merchant.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)) + @"s?(?![\p{L}\p{N}])";
        return Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Money-like numbers in the text (not day counts, not purchase numbers).</summary>
    private static IEnumerable<(decimal Value, bool HasCents)> Amounts(string text)
    {
        var withoutNumbers = PurchaseNumber().Replace(text, " ");
        foreach (Match match in Money().Matches(withoutNumbers))
        {
            var raw = match.Groups["amount"].Value;
            if (TryParseAmount(raw, out var value))
            {
                yield return (value, raw.Length > 3 && raw[^3] is '.' or ',');
            }
        }
    }

    /// <summary>An exact amount of the purchase (total, open, next payment), or its whole euros ("the 89 one").</summary>
    private static bool Means((decimal Value, bool HasCents) amount, PurchaseSummary p)
    {
        decimal[] figures = [p.Amount, p.OpenAmount, p.NextAmount ?? -1m];
        return amount.HasCents
            ? figures.Contains(amount.Value)
            : amount.Value >= 10 && figures.Any(f => f >= 0 && decimal.Truncate(f) == amount.Value);
    }

    /// <summary>Reads 89,90 / 89.90 / 1.234,50 / 1,234.50 / 89 as amounts.</summary>
    internal static bool TryParseAmount(string text, out decimal amount)
    {
        var lastSeparator = text.LastIndexOfAny(['.', ',']);
        var compact = lastSeparator >= 0 && text.Length - lastSeparator - 1 == 2
            ? text[..lastSeparator].Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal) + "." + text[(lastSeparator + 1)..]
            : text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(compact, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    [GeneratedRegex(@"\bP-\d{6}-\d{1,2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PurchaseNumber();

    // An amount not glued to other digits or a date, and not followed by a day count ("5 Tage", "7 days").
    [GeneratedRegex(@"(?<![\d.,])(?<amount>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{2})?|\d+(?:[.,]\d{2})?)(?![\d]|[.,]\d)(?!\s*(?:tage?n?|days?|werktage?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"\d+\s*(?:tage?n?|days?|werktage?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayCount();

    [GeneratedRegex(@"[\p{L}\p{N}&']+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
