namespace RelayDesk.Domain.Escalation.Triggers;

/// <summary>The assistant is not helping: it failed, missed twice in a row, or keeps answering the same intent.</summary>
internal sealed class AssistantFailureTrigger(EscalationRuleDefinition definition) : EscalationTrigger(definition)
{
    private readonly int _misses = definition.Count ?? 2;
    private readonly int _loop = definition.LoopCount ?? 3;

    public override (string Evidence, double Confidence)? Evaluate(EscalationInput input, FoldedText folded)
    {
        var signals = input.Signals;
        if (signals.AssistantFailed)
        {
            return (signals.FailureDetail ?? "the assistant failed", 1);
        }

        if (signals.Missed && input.Memory.MissStreak + 1 >= _misses)
        {
            return ($"did not understand {input.Memory.MissStreak + 1} messages in a row", 0.9);
        }

        if (signals.Intent is not null && signals.Intent == input.Memory.LastIntent && input.Memory.IntentStreak + 1 >= _loop)
        {
            return ($"answered “{signals.Intent}” {input.Memory.IntentStreak + 1} times in a row", 0.8);
        }

        return null;
    }
}
