using System.Globalization;
using System.Text.RegularExpressions;

namespace RelayDesk.Domain.Escalation.Triggers;

/// <summary>A large amount is at stake: touched by a tool this turn, or written by the customer (“€1.500”, “2000 euro”).</summary>
internal sealed partial class AmountTrigger(EscalationRuleDefinition definition) : EscalationTrigger(definition)
{
    private readonly decimal _threshold = (decimal)(definition.Threshold ?? 1000);

    public override (string Evidence, double Confidence)? Evaluate(EscalationInput input, FoldedText folded)
    {
        if (input.Signals.Amount is { } touched && touched >= _threshold)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"EUR {touched:0.00}"), 1);
        }

        foreach (Match match in Money().Matches(folded.Text))
        {
            var digits = match.Groups["amount"].Value;
            if (TryParseAmount(digits, out var amount) && amount >= _threshold)
            {
                return (folded.OriginalOf(match.Index, match.Length), 0.8);
            }
        }

        return null;
    }

    /// <summary>Reads 1.500 / 1,500 / 1 500 / 1500,00 / 1500.00 as amounts, thousands separators either way.</summary>
    internal static bool TryParseAmount(string text, out decimal amount)
    {
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        var lastSeparator = compact.LastIndexOfAny(['.', ',']);
        if (lastSeparator >= 0 && compact.Length - lastSeparator - 1 is 1 or 2)
        {
            var whole = compact[..lastSeparator].Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
            compact = whole + "." + compact[(lastSeparator + 1)..];
        }
        else
        {
            compact = compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        }

        return decimal.TryParse(compact, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    [GeneratedRegex(@"(€|eur|euro|chf)\s?(?<amount>\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)|(?<amount>\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?(€|eur\b|euro\b|chf\b)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Money();
}
