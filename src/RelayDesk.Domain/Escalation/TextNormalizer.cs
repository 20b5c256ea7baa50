using System.Globalization;
using System.Text;

namespace RelayDesk.Domain.Escalation;

/// <summary>
/// Folds text so one pattern matches the ways customers type a word: lower case, umlauts as <c>ae/oe/ue</c>, <c>ß</c> as
/// <c>ss</c>, accents dropped, runs of white space collapsed. Rule patterns are written against this form.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        var lastWasSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var lower = char.ToLowerInvariant(c);
            switch (lower)
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                case '’' or '‘' or '`' or '´': builder.Append('\''); break;
                default:
                    if (char.IsWhiteSpace(lower))
                    {
                        if (!lastWasSpace)
                        {
                            builder.Append(' ');
                        }

                        lastWasSpace = true;
                        continue;
                    }

                    AppendWithoutAccent(builder, lower);
                    break;
            }

            lastWasSpace = false;
        }

        return builder.ToString().Trim();
    }

    private static void AppendWithoutAccent(StringBuilder builder, char c)
    {
        if (c < 128 || char.IsSurrogate(c))
        {
            builder.Append(c);
            return;
        }

        foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(part);
            }
        }
    }
}
