using static RelayDesk.Domain.Tests.Escalation.RuleAssertions;

namespace RelayDesk.Domain.Tests.Escalation;

public class ExplicitRequestRuleTests
{
    [Theory]
    [InlineData("I want to talk to a human")]
    [InlineData("can i speak to a real person please")]
    [InlineData("agent please")]
    [InlineData("AGENT!!!")]
    [InlineData("human")]
    [InlineData("Connect me with a representative")]
    [InlineData("stop the bot")]
    [InlineData("I don't want a bot, get me someone")]
    [InlineData("let me talk to someone")]
    [InlineData("can I talk to a humen")]
    [InlineData("Ich möchte mit einem Menschen sprechen")]
    [InlineData("Mensch bitte")]
    [InlineData("echter Mitarbeiter bitte")]
    [InlineData("Bitte verbinden Sie mich mit einem Mitarbeiter")]
    [InlineData("ich will mit einem Berater reden")]
    [InlineData("Kann ich mit jemandem sprechen?")]
    [InlineData("ich will keinen Bot")]
    [InlineData("Ich möchte Ihren Vorgesetzten sprechen")]
    [InlineData("KUNDENSERVICE!!!")]
    [InlineData("verbinden Sie mich bitte weiter")]
    public void ARequestForAPerson_Escalates(string text)
    {
        var decision = FirstTurn(text);

        Assert.True(decision.Escalate, $"not escalated: {text}");
        Assert.Equal("explicit-request", decision.RuleId);
        Assert.False(string.IsNullOrWhiteSpace(decision.Evidence));
    }

    [Theory]
    [InlineData("the delivery agent left my parcel at the neighbour's")]
    [InlineData("can another person pay my invoice")]
    [InlineData("meine Kollegin hat für mich bestellt")]
    [InlineData("When is my next payment due?")]
    [InlineData("I returned the parcel, please pause my invoice")]
    [InlineData("Wann bekomme ich mein Geld zurück?")]
    [InlineData("Mensch, das ging ja schnell, danke!")]
    [InlineData("is my personal data safe with you")]
    [InlineData("der Paketbote hat das Paket beim Nachbarn abgegeben")]
    public void AnOrdinarySentenceThatMentionsPeople_DoesNotEscalate(string text)
    {
        var decision = FirstTurn(text);

        Assert.False(decision.Escalate, $"escalated by {decision.RuleId} on “{decision.Evidence}”");
    }

    [Fact]
    public void ARequestForAPersonWithASensitiveTopic_GoesToTheSpecialist()
    {
        var decision = FirstTurn("Ich habe meinen Job verloren und kann die Rate nicht mehr bezahlen, ich will mit einem Menschen sprechen", "de");

        Assert.True(decision.Escalate);
        Assert.Equal("hardship", decision.RuleId);
        Assert.Contains("hardship", decision.Skills);
    }
}
