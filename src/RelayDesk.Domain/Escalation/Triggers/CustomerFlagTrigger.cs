namespace RelayDesk.Domain.Escalation.Triggers;

/// <summary>Customers carrying a configured flag (VIP, at risk) always get a person.</summary>
internal sealed class CustomerFlagTrigger(EscalationRuleDefinition definition) : EscalationTrigger(definition)
{
    private readonly HashSet<string> _flags = new(definition.Flags, StringComparer.OrdinalIgnoreCase);

    public override (string Evidence, double Confidence)? Evaluate(EscalationInput input, FoldedText folded)
    {
        var flag = input.CustomerFlags.FirstOrDefault(_flags.Contains);
        return flag is null ? null : ($"customer flag “{flag}”", 1);
    }
}
