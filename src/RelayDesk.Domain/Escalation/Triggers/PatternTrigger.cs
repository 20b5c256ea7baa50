namespace RelayDesk.Domain.Escalation.Triggers;

/// <summary>Explicit requests and never-AI topics: a pattern matches and no exclusion does.</summary>
internal sealed class PatternTrigger(EscalationRuleDefinition definition, PatternSet patterns, PatternSet exclusions)
    : EscalationTrigger(definition)
{
    public override (string Evidence, double Confidence)? Evaluate(EscalationInput input, FoldedText folded)
    {
        var evidence = patterns.FirstMatch(folded);
        if (evidence is null || exclusions.FirstMatch(folded) is not null && !StrongerThanExclusion(folded))
        {
            return null;
        }

        return (evidence, 0.9);
    }

    // An exclusion (e.g. "delivery agent") silences one pattern hit, but two independent hits still win.
    private bool StrongerThanExclusion(FoldedText folded) => patterns.CountMatches(folded, out _) >= 2;
}
