using RelayDesk.Domain.Escalation;

namespace RelayDesk.Domain.Tests.Escalation;

internal static class RuleAssertions
{
    public static EscalationDecision FirstTurn(string text, string language = "en") =>
        EscalationRuleSet.Default.Decide(EscalationInput.BeforeAssistant(text, language, EscalationMemory.Empty));
}
