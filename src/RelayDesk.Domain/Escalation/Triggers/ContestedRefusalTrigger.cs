namespace RelayDesk.Domain.Escalation.Triggers;

/// <summary>The assistant refused on policy grounds last turn and the customer contests it: a person may decide.</summary>
internal sealed class ContestedRefusalTrigger(EscalationRuleDefinition definition, PatternSet patterns) : EscalationTrigger(definition)
{
    public override (string Evidence, double Confidence)? Evaluate(EscalationInput input, FoldedText folded)
    {
        if (!input.Memory.LastTurnWasRefusal)
        {
            return null;
        }

        var evidence = patterns.FirstMatch(folded);
        return evidence is null ? null : (evidence, 0.8);
    }
}
