using RelayDesk.Domain.Escalation;
using static RelayDesk.Domain.Tests.Escalation.RuleAssertions;

namespace RelayDesk.Domain.Tests.Escalation;

public class TopicRuleTests
{
    [Theory]
    [InlineData("hardship", "en", "I lost my job last month and I can't pay the next instalment")]
    [InlineData("hardship", "de", "Ich bin arbeitslos und kann die Raten nicht mehr bezahlen")]
    [InlineData("hardship", "de", "Ich habe ein Schreiben vom Inkasso bekommen, was soll ich tun?")]
    [InlineData("fraud", "en", "I never ordered this, someone used my account")]
    [InlineData("fraud", "de", "Diese Bestellung habe ich nicht getätigt, das war ich nicht!")]
    [InlineData("dispute", "en", "The shop never delivered my order and they won't refund me")]
    [InlineData("dispute", "de", "Die Ware kam kaputt an und der Händler reagiert nicht")]
    [InlineData("bereavement", "en", "My husband passed away, the account was in his name")]
    [InlineData("bereavement", "de", "Meine Mutter ist verstorben, was passiert mit ihren Raten?")]
    [InlineData("vulnerability", "en", "I'm in hospital with cancer treatment and can't deal with this")]
    [InlineData("vulnerability", "de", "Ich liege im Krankenhaus und kann mich gerade nicht kümmern")]
    [InlineData("complaint", "en", "I want to file a formal complaint and I will contact the ombudsman")]
    [InlineData("complaint", "de", "Ich werde mich bei der BaFin beschweren")]
    public void ANeverAiTopic_GoesToAPersonWithItsSkillAndPriority(string topic, string language, string text)
    {
        var decision = FirstTurn(text, language);

        Assert.True(decision.Escalate, $"not escalated: {text}");
        Assert.Equal(topic, decision.RuleId);
        Assert.NotEmpty(decision.Skills);
        Assert.NotEqual(EscalationPriority.Normal, decision.Priority);
    }

    [Theory]
    [InlineData("hardship")]
    [InlineData("vulnerability")]
    [InlineData("bereavement")]
    [InlineData("fraud")]
    public void VulnerableAndFinancialHardshipCases_AreUrgent(string topic)
    {
        var text = topic switch
        {
            "hardship" => "I can't afford to pay this month, I lost my job",
            "vulnerability" => "I have severe depression and can't cope",
            "bereavement" => "my father died last week",
            _ => "someone ordered in my name, this is fraud",
        };

        Assert.Equal(EscalationPriority.Urgent, FirstTurn(text).Priority);
    }

    [Theory]
    [InlineData("en", "I can't pay with my card, the button doesn't work")]
    [InlineData("de", "Ich kann nicht bezahlen, die App zeigt einen Fehler")]
    [InlineData("en", "I'm dying to know when my order arrives")]
    [InlineData("en", "Can I pay early without a fee?")]
    [InlineData("de", "Kann ich die Rate früher bezahlen?")]
    [InlineData("en", "No complaints, just a quick question about my invoice")]
    [InlineData("de", "Ich habe kein Geld zurück bekommen, wann kommt die Erstattung?")]
    [InlineData("en", "How do I change my address?")]
    public void HarmlessUsesOfTriggerWords_DoNotEscalate(string language, string text)
    {
        var decision = FirstTurn(text, language);

        Assert.False(decision.Escalate, $"escalated by {decision.RuleId} on “{decision.Evidence}”");
    }

    [Fact]
    public void Patterns_MatchGermanWordsWrittenWithOrWithoutUmlauts()
    {
        Assert.Equal("bereavement", FirstTurn("meine oma ist verstorben", "de").RuleId);
        Assert.Equal("fraud", FirstTurn("das habe ich nicht getaetigt, jemand hat in meinem namen bestellt", "de").RuleId);
        Assert.Equal("fraud", FirstTurn("Das habe ich nicht getätigt, jemand hat in meinem Namen bestellt", "de").RuleId);
    }
}
