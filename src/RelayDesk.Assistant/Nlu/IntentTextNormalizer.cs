using System.Globalization;
using System.Text;

namespace RelayDesk.Assistant.Nlu;

/// <summary>
/// Text normalisation applied before featurisation (training and prediction alike): lower-case (invariant),
/// German umlauts and their typed forms folded to the base letter (ä, ae → a; ö, oe → o; ü, ue → u; ß → ss) so
/// that "nächste", "naechste" and "nachste" match, other diacritics removed (é→e), every run of digits → "0", apostrophes dropped ("what's" → "whats"), other punctuation →
/// space, currency signs kept as their own token, whitespace collapsed.
/// </summary>
public static class IntentTextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        bool pendingSpace = false;
        bool lastDigit = false;
        foreach (char raw in text)
        {
            char c = char.ToLowerInvariant(raw);
            if (char.IsDigit(c))
            {
                if (!lastDigit)
                {
                    Flush(sb, ref pendingSpace);
                    sb.Append('0');
                }

                lastDigit = true;
                continue;
            }

            if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4')
            {
                continue; // what's → whats, don't → dont
            }

            lastDigit = false;
            if (c < 128)
            {
                if (char.IsLetter(c))
                {
                    Flush(sb, ref pendingSpace);
                    sb.Append(c);
                }
                else if (c is '$' or '%' or '&' or '@')
                {
                    AppendSymbol(sb, c, ref pendingSpace);
                }
                else
                {
                    pendingSpace = true;
                }

                continue;
            }

            switch (c)
            {
                case 'ß': Flush(sb, ref pendingSpace); sb.Append("ss"); continue;
                case '€' or '£':
                    AppendSymbol(sb, c, ref pendingSpace);
                    continue;
                default:
                    break;
            }

            if (char.IsLetter(c))
            {
                Flush(sb, ref pendingSpace);
                AppendWithoutDiacritics(sb, c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        // Umlaut folding to the base letter, and the typed replacements ae/oe/ue likewise, so that "fällig",
        // "faellig" and "fallig" all become "fallig" (measured: either one alone loses the other spelling).
        // Applied to training and prediction text alike, so English words that merely contain "ue" ("due")
        // map consistently.
        sb.Replace("ae", "a").Replace("oe", "o").Replace("ue", "u");
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, ref bool pendingSpace)
    {
        if (pendingSpace && sb.Length > 0 && sb[^1] != ' ')
        {
            sb.Append(' ');
        }

        pendingSpace = false;
    }

    private static void AppendSymbol(StringBuilder sb, char c, ref bool pendingSpace)
    {
        pendingSpace = true;
        Flush(sb, ref pendingSpace);
        sb.Append(c);
        pendingSpace = true;
    }

    private static void AppendWithoutDiacritics(StringBuilder sb, char c)
    {
        string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (char d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(d);
            }
        }
    }
}
