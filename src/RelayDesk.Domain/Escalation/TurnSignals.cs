namespace RelayDesk.Domain.Escalation;

/// <summary>
/// What the assistant observed about one customer turn. The assistant only reports signals; the rules in
/// <see cref="EscalationRuleSet"/> decide whether a person takes over.
/// </summary>
public sealed record TurnSignals
{
    /// <summary>The intent the assistant recognised (or the help topic it answered from); null when none.</summary>
    public string? Intent { get; init; }

    /// <summary>How sure the assistant is of <see cref="Intent"/>, 0–1.</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>The assistant did not understand the turn or found it out of scope.</summary>
    public bool Missed { get; init; }

    /// <summary>The assistant failed: exception, timeout, outage, or a tool error.</summary>
    public bool AssistantFailed { get; init; }

    public string? FailureDetail { get; init; }

    /// <summary>The assistant refused the errand on policy grounds this turn (e.g. a second due-date extension).</summary>
    public bool PolicyRefusal { get; init; }

    /// <summary>The largest money amount the turn touched (a tool result), in EUR; amounts written by the customer are read by the rules.</summary>
    public decimal? Amount { get; init; }

    public static TurnSignals None { get; } = new();
}
