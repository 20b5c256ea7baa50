using RelayDesk.Domain.Escalation;
using static RelayDesk.Domain.Tests.Escalation.RuleAssertions;

namespace RelayDesk.Domain.Tests.Escalation;

public class BehaviourRuleTests
{
    private static readonly EscalationRuleSet Rules = EscalationRuleSet.Default;

    [Fact]
    public void OneMildlyNegativeWord_DoesNotEscalate()
    {
        Assert.False(FirstTurn("that answer was not helpful").Escalate);
    }

    [Theory]
    [InlineData("This is useless!!! I asked three times already")]
    [InlineData("THIS BOT IS COMPLETELY USELESS")]
    [InlineData("what the fuck is this")]
    [InlineData("So ein Scheiß, nichts funktioniert hier")]
    [InlineData("Das ist eine Frechheit, immer noch nicht erstattet!!!")]
    public void StrongOrCombinedFrustration_Escalates(string text)
    {
        var decision = FirstTurn(text);

        Assert.True(decision.Escalate, $"not escalated: {text}");
        Assert.Equal("frustration", decision.RuleId);
    }

    [Fact]
    public void NegativeTurnsInARow_Escalate()
    {
        var memory = EscalationMemory.Empty.After("that's not helpful", TurnSignals.None, soundedNegative: true);

        var decision = Rules.Decide(EscalationInput.BeforeAssistant("still not helpful", "en", memory));

        Assert.Equal("frustration", decision.RuleId);
        Assert.Contains("2 turns", decision.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatingTheSameQuestionWhileAnnoyed_Escalates()
    {
        var memory = EscalationMemory.Empty.After("When will I get my refund?", TurnSignals.None, soundedNegative: false);

        var decision = Rules.Decide(EscalationInput.BeforeAssistant("When will I get my refund?!", "en", memory));

        Assert.Equal("frustration", decision.RuleId);
        Assert.Contains("repeated", decision.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoMissesInARow_HandOver()
    {
        var missed = new TurnSignals { Missed = true };
        var afterOne = EscalationMemory.Empty.After("blorp", missed, soundedNegative: false);

        var first = Rules.Decide(new EscalationInput("blorp", "en", missed, EscalationMemory.Empty, []));
        var second = Rules.Decide(new EscalationInput("flurb", "en", missed, afterOne, []));

        Assert.False(first.Escalate);
        Assert.Equal("assistant-failure", second.RuleId);
    }

    [Fact]
    public void TheSameIntentThreeTimes_IsALoop()
    {
        var signals = new TurnSignals { Intent = "refund-timing" };
        var memory = EscalationMemory.Empty.After("a", signals, false).After("b", signals, false);

        var decision = Rules.Decide(new EscalationInput("c", "en", signals, memory, []));

        Assert.Equal("assistant-failure", decision.RuleId);
        Assert.Contains("3 times", decision.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAssistantFailure_HandsOverAtOnce()
    {
        var decision = Rules.Decide(new EscalationInput("hi", "en", new TurnSignals { AssistantFailed = true, FailureDetail = "timeout" }, EscalationMemory.Empty, []));

        Assert.Equal("assistant-failure", decision.RuleId);
        Assert.Equal("timeout", decision.Evidence);
    }

    [Theory]
    [InlineData("Can you split my purchase of €2.400 into instalments?", true)]
    [InlineData("I ordered a sofa for 1.499,00 EUR", true)]
    [InlineData("my order was 49,99 €", false)]
    public void AmountsAboveTheThreshold_Escalate(string text, bool escalates)
    {
        Assert.Equal(escalates, FirstTurn(text).RuleId == "amount");
    }

    [Fact]
    public void AToolResultAboveTheThreshold_Escalates()
    {
        var decision = Rules.Decide(new EscalationInput("show my balance", "en", new TurnSignals { Amount = 5000m }, EscalationMemory.Empty, []));

        Assert.Equal("amount", decision.RuleId);
    }

    [Fact]
    public void AFlaggedCustomer_GetsAPerson()
    {
        var decision = Rules.Decide(EscalationInput.BeforeAssistant("hello", "en", EscalationMemory.Empty, ["vip"]));

        Assert.Equal("customer-flag", decision.RuleId);
    }

    [Fact]
    public void ContestingAPolicyRefusal_GetsAPerson_ButOnlyAfterARefusal()
    {
        var refused = EscalationMemory.Empty.After("extend again", new TurnSignals { PolicyRefusal = true }, false);

        var contested = Rules.Decide(EscalationInput.BeforeAssistant("that's not fair, I need more time", "en", refused));
        var noRefusal = Rules.Decide(EscalationInput.BeforeAssistant("that's not fair, I need more time", "en", EscalationMemory.Empty));

        Assert.Equal("contested-refusal", contested.RuleId);
        Assert.NotEqual("contested-refusal", noRefusal.RuleId);
    }

    [Fact]
    public void AnOrdinaryQuestion_StaysWithTheAssistant()
    {
        Assert.Equal(EscalationDecision.Stay, FirstTurn("When is my next payment due?"));
    }

    [Theory]
    [InlineData("i was talking to my bank and they said the payment is fine")]
    [InlineData("ich habe mit meiner bank gesprochen und die sagen alles ok")]
    [InlineData("((((((((((((((((((((((((((((((((((((((((")]
    public void OrdinaryAndOddMessages_AreDecidedWithoutAnError(string text)
    {
        var decision = FirstTurn(text);

        Assert.False(decision.Escalate, $"escalated by {decision.RuleId} on “{decision.Evidence}”");
    }

    [Fact]
    public void Emoji_AndOtherSymbols_AreHandled()
    {
        Assert.False(FirstTurn("danke 😊👍 bis bald", "de").Escalate);
    }
}
