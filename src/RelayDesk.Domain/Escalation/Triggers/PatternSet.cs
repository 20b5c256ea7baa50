using System.Text.RegularExpressions;

namespace RelayDesk.Domain.Escalation.Triggers;

/// <summary>Compiled per-language patterns; finds the first match in folded text.</summary>
internal sealed class PatternSet
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex[] _patterns;

    private PatternSet(Regex[] patterns) => _patterns = patterns;

    public static PatternSet Empty { get; } = new([]);

    public bool IsEmpty => _patterns.Length == 0;

    public int Count => _patterns.Length;

    /// <summary>Compiles every pattern of every language, reporting each bad one with its place in the rules.</summary>
    public static PatternSet Compile(string ruleId, string field, Dictionary<string, List<string>>? byLanguage, List<string> errors)
    {
        var compiled = new List<Regex>();
        foreach (var (language, patterns) in byLanguage ?? [])
        {
            if (!Conversations.SupportedLanguages.IsSupported(language))
            {
                errors.Add($"Rule '{ruleId}': {field} has unknown language '{language}' (use 'de' or 'en').");
                continue;
            }

            for (var i = 0; i < patterns.Count; i++)
            {
                try
                {
                    compiled.Add(new Regex(patterns[i], RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout));
                }
                catch (ArgumentException exception)
                {
                    errors.Add($"Rule '{ruleId}': {field}.{language}[{i}] is not a valid regular expression: {exception.Message}");
                }
            }
        }

        return new PatternSet([.. compiled]);
    }

    /// <summary>The customer's words behind the first match, or null. A pattern that runs too long counts as no match.</summary>
    public string? FirstMatch(FoldedText folded)
    {
        foreach (var pattern in _patterns)
        {
            try
            {
                var match = pattern.Match(folded.Text);
                if (match.Success)
                {
                    return folded.OriginalOf(match.Index, match.Length);
                }
            }
            catch (Exception exception) when (exception is RegexMatchTimeoutException or IndexOutOfRangeException or InvalidOperationException)
            {
                // A pathological message (or a fault in the regex engine) must not fail the turn; the other rules still run.
            }
        }

        return null;
    }

    /// <summary>How many distinct patterns match (for scoring cues).</summary>
    public int CountMatches(FoldedText folded, out string? firstMatch)
    {
        firstMatch = null;
        var count = 0;
        foreach (var pattern in _patterns)
        {
            try
            {
                var match = pattern.Match(folded.Text);
                if (match.Success)
                {
                    firstMatch ??= folded.OriginalOf(match.Index, match.Length);
                    count++;
                }
            }
            catch (Exception exception) when (exception is RegexMatchTimeoutException or IndexOutOfRangeException or InvalidOperationException)
            {
                // As above.
            }
        }

        return count;
    }
}
