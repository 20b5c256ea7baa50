namespace RelayDesk.Domain.Escalation.Triggers;

/// <summary>
/// Scores frustration cues: negative words (one point per kind, at most two), profanity or insults (the whole
/// threshold), shouting in capitals, exclamation bursts, repeating an earlier message, and a negative streak across
/// turns. Fires when the score reaches the threshold.
/// </summary>
internal sealed class FrustrationTrigger(
    EscalationRuleDefinition definition, PatternSet negative, PatternSet strong, PatternSet exclusions) : EscalationTrigger(definition)
{
    private readonly double _threshold = definition.Threshold ?? 2;
    private readonly int _streak = definition.Count ?? 2;

    public override (string Evidence, double Confidence)? Evaluate(EscalationInput input, FoldedText folded)
    {
        var cues = new List<string>();
        var score = 0.0;
        var excluded = exclusions.FirstMatch(folded) is not null;

        var strongHit = strong.FirstMatch(folded);
        if (strongHit is not null)
        {
            score += _threshold;
            cues.Add($"“{strongHit}”");
        }

        string? firstNegative = null;
        var negativeHits = excluded ? 0 : negative.CountMatches(folded, out firstNegative);
        if (negativeHits > 0)
        {
            score += Math.Min(2, negativeHits);
            cues.Add($"“{firstNegative}”");
        }

        if (IsShouting(input.Text))
        {
            score += 1;
            cues.Add("shouting");
        }

        if (input.Text.Count(c => c == '!') >= 3 || input.Text.Contains("?!", StringComparison.Ordinal) || input.Text.Contains("!?", StringComparison.Ordinal))
        {
            score += 1;
            cues.Add("exclamations");
        }

        var comparable = Comparable(folded.Text);
        if (comparable.Length >= 8 && input.Memory.RecentTexts.Any(earlier => Comparable(earlier) == comparable))
        {
            score += 1;
            cues.Add("repeated the same message");
        }

        var negativeNow = strongHit is not null || negativeHits > 0;
        if (negativeNow && input.Memory.NegativeStreak + 1 >= _streak)
        {
            score += 1;
            cues.Add($"negative for {input.Memory.NegativeStreak + 1} turns");
        }

        return score >= _threshold ? (string.Join(", ", cues), Math.Min(1, score / (_threshold + 1))) : null;
    }

    /// <summary>Whether the turn sounds negative, for the streak kept in <see cref="EscalationMemory"/>.</summary>
    public bool SoundsNegative(string text, FoldedText folded) =>
        strong.FirstMatch(folded) is not null || (exclusions.FirstMatch(folded) is null && negative.FirstMatch(folded) is not null) || IsShouting(text);

    /// <summary>Letters, digits and single spaces only: "When is it?!" repeats "when is it".</summary>
    private static string Comparable(string folded) =>
        string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string([.. word.Where(char.IsLetterOrDigit)]))
            .Where(word => word.Length > 0));

    internal static bool IsShouting(string text)
    {
        var letters = 0;
        var upper = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        return letters >= 8 && upper >= 0.7 * letters;
    }
}
