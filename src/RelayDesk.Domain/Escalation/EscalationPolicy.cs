namespace RelayDesk.Domain.Escalation;

/// <summary>
/// Decides, for a customer turn, whether a person must take over. Rules are checked in order; an explicit request
/// for a human comes first and nothing can override it.
/// </summary>
public static class EscalationPolicy
{
    public const string ExplicitRequestRule = "explicit-request";
    public const string AssistantFailureRule = "assistant-failure";

    public static EscalationDecision Decide(TurnSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.HumanRequested)
        {
            return new EscalationDecision(true, ExplicitRequestRule, "The customer asked for a person.", signals.Evidence);
        }

        if (signals.AssistantFailed)
        {
            return new EscalationDecision(true, AssistantFailureRule,
                "The assistant could not answer, so a person takes over.", signals.FailureDetail);
        }

        return EscalationDecision.Stay;
    }
}
