namespace RelayDesk.Domain.Escalation;

/// <summary>
/// What the assistant (or the widget) observed about one customer turn. The assistant only reports signals;
/// <see cref="EscalationPolicy"/> decides whether a person takes over.
/// </summary>
public sealed record TurnSignals
{
    /// <summary>The customer asked for a person (button or wording).</summary>
    public bool HumanRequested { get; init; }

    /// <summary>The words (or the control) that showed the request, kept as evidence for the agent.</summary>
    public string? Evidence { get; init; }

    /// <summary>The assistant could not produce an answer (exception, timeout, outage).</summary>
    public bool AssistantFailed { get; init; }

    public string? FailureDetail { get; init; }

    public static TurnSignals None { get; } = new();
}
