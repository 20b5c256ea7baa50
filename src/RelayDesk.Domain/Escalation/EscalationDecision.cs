namespace RelayDesk.Domain.Escalation;

/// <summary>An explainable decision: whether a person must take over, by which rule, and on what evidence.</summary>
public sealed record EscalationDecision(bool Escalate, string RuleId, string Reason, string? Evidence)
{
    public static EscalationDecision Stay { get; } = new(false, "none", "The assistant continues.", null);
}
