namespace RelayDesk.Domain.Escalation;

/// <summary>The kinds of trigger a rule can be. Each kind reads different parts of <see cref="EscalationInput"/>.</summary>
public enum EscalationRuleKind
{
    /// <summary>The customer asks for a person (button or wording). Cannot be disabled.</summary>
    ExplicitRequest,

    /// <summary>A never-AI topic recognised by its per-language patterns (hardship, fraud, dispute, …).</summary>
    Topic,

    /// <summary>Negative sentiment and its trend, shouting, profanity, repeating the same question.</summary>
    Frustration,

    /// <summary>Out-of-scope or low confidence twice in a row, a loop on one intent, a tool error, a timeout.</summary>
    AssistantFailure,

    /// <summary>A money amount above a threshold is mentioned or touched.</summary>
    Amount,

    /// <summary>The customer carries a flag (VIP, at risk) that always gets a person.</summary>
    CustomerFlag,

    /// <summary>The customer contests a refusal the assistant gave on policy grounds.</summary>
    ContestedRefusal,
}
