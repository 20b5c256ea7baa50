namespace RelayDesk.Domain.Escalation.Triggers;

/// <summary>A compiled rule: decides whether it fires for a turn and on what evidence.</summary>
internal abstract class EscalationTrigger(EscalationRuleDefinition definition)
{
    public string Id { get; } = definition.Id;

    public EscalationRuleKind Kind { get; } = definition.Kind;

    public bool Enabled { get; } = definition.Enabled;

    public EscalationPriority Priority { get; } = definition.Priority;

    public string Reason { get; } = definition.Reason;

    public IReadOnlyList<string> Skills { get; } = [.. definition.Skills];

    /// <summary>The evidence and confidence when the rule fires; null when it does not.</summary>
    public abstract (string Evidence, double Confidence)? Evaluate(EscalationInput input, FoldedText folded);

    public EscalationDecision Decision(string evidence, double confidence) =>
        new(true, Id, Reason, evidence, confidence, Priority, Skills);
}
