using System.Globalization;
using System.Text;

namespace RelayDesk.Domain.Escalation;

/// <summary>
/// Folds text so one pattern matches the ways customers type a word: lower case, umlauts as <c>ae/oe/ue</c>, <c>ß</c> as
/// <c>ss</c>, accents dropped, runs of white space collapsed. Rule patterns are written against this form.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text) => Fold(text).Text;

    /// <summary>Folds the text and remembers, for every folded character, where it came from in the original.</summary>
    public static FoldedText Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FoldedText(string.Empty, string.Empty, []);
        }

        var original = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(original.Length + 8);
        var origins = new List<int>(original.Length + 8);
        var lastWasSpace = true; // Also drops leading white space.
        for (var i = 0; i < original.Length; i++)
        {
            var lower = char.ToLowerInvariant(original[i]);
            var before = builder.Length;
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
                            origins.Add(i);
                        }

                        lastWasSpace = true;
                        continue;
                    }

                    AppendWithoutAccent(builder, lower);
                    break;
            }

            for (var added = before; added < builder.Length; added++)
            {
                origins.Add(i);
            }

            lastWasSpace = false;
        }

        if (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
            origins.RemoveAt(origins.Count - 1);
        }

        return new FoldedText(builder.ToString(), original, [.. origins]);
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

/// <summary>Folded text with the way back to the customer's own words.</summary>
public sealed record FoldedText(string Text, string Original, IReadOnlyList<int> Origins)
{
    /// <summary>The original words behind a span of the folded text.</summary>
    public string OriginalOf(int index, int length)
    {
        if (length <= 0 || index < 0 || index + length > Origins.Count)
        {
            return Text.Substring(Math.Max(0, index), Math.Max(0, Math.Min(length, Text.Length - index)));
        }

        var start = Origins[index];
        var end = Origins[index + length - 1];
        return Original[start..(end + 1)].Trim();
    }
}
