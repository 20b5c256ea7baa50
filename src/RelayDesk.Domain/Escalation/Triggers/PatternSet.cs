using System.Text.RegularExpressions;

namespace RelayDesk.Domain.Escalation.Triggers;

/// <summary>
/// Compiled per-language patterns; finds the first match in folded text. Most messages match none of a rule's
/// patterns, so one combined pattern (all of them as alternatives) is tried first: one scan of the text tells that
/// nothing matches, and only a text it matches is run through the patterns one by one (for the first match and its
/// evidence). Patterns with back-references, whose group numbers would shift in the combination, skip the filter.
/// </summary>
internal sealed partial class PatternSet
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex[] _patterns;
    private readonly Regex? _any;

    private PatternSet(Regex[] patterns, Regex? any)
    {
        _patterns = patterns;
        _any = any;
    }

    public static PatternSet Empty { get; } = new([], null);

    public bool IsEmpty => _patterns.Length == 0;

    public int Count => _patterns.Length;

    /// <summary>Compiles every pattern of every language, reporting each bad one with its place in the rules.</summary>
    public static PatternSet Compile(string ruleId, string field, Dictionary<string, List<string>>? byLanguage, List<string> errors)
    {
        var compiled = new List<Regex>();
        var sources = new List<string>();
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
                    sources.Add(patterns[i]);
                }
                catch (ArgumentException exception)
                {
                    errors.Add($"Rule '{ruleId}': {field}.{language}[{i}] is not a valid regular expression: {exception.Message}");
                }
            }
        }

        return new PatternSet([.. compiled], Combine(sources));
    }

    private static Regex? Combine(List<string> sources)
    {
        if (sources.Count < 2 || sources.Any(s => BackReference().IsMatch(s)))
        {
            return null;
        }

        try
        {
            return new Regex(string.Join('|', sources.Select(s => "(?:" + s + ")")), RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null; // E.g. two patterns name one group differently: go without the filter.
        }
    }

    /// <summary>False only when the combined pattern is sure that none of the patterns matches.</summary>
    private bool MayMatch(string text)
    {
        if (_any is null)
        {
            return true;
        }

        try
        {
            return _any.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // Let the single patterns decide, each with its own time limit.
        }
    }

    [GeneratedRegex(@"\\[1-9]|\\k<|\\k'|\(\?\(")]
    private static partial Regex BackReference();

    /// <summary>The customer's words behind the first match, or null. A pattern that runs too long counts as no match.</summary>
    public string? FirstMatch(FoldedText folded)
    {
        if (!MayMatch(folded.Text))
        {
            return null;
        }

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
        if (!MayMatch(folded.Text))
        {
            return 0;
        }

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
