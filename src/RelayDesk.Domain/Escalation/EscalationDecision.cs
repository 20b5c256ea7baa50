namespace RelayDesk.Domain.Escalation;

/// <summary>
/// An explainable decision: whether a person must take over, by which rule, on what evidence, how sure, how urgent,
/// and which skills the person needs.
/// </summary>
public sealed record EscalationDecision(
    bool Escalate,
    string RuleId,
    string Reason,
    string? Evidence,
    double Confidence,
    EscalationPriority Priority,
    IReadOnlyList<string> Skills)
{
    public static EscalationDecision Stay { get; } = new(false, "none", "The assistant continues.", null, 1, EscalationPriority.Normal, []);

    /// <summary>The customer pressed the always-visible button: no rule is consulted, it is honoured as it is.</summary>
    public static EscalationDecision Button { get; } = new(true, EscalationRuleSet.ButtonRuleId, "The customer pressed “Talk to a human”.",
        "button", 1, EscalationPriority.Normal, []);

    /// <summary>The assistant could not finish its turn at all: a person takes over.</summary>
    public static EscalationDecision TurnFailed(string detail) => new(true, EscalationRuleSet.TurnFailureRuleId,
        "The assistant could not complete its turn, so a person takes over.", detail, 1, EscalationPriority.Normal, []);
}
