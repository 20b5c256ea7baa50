using RelayDesk.Assistant.Signals;

namespace RelayDesk.Assistant.Tests.Signals;

public class HumanRequestDetectorTests
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
    [InlineData("I need to speak with customer service agent now")]
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
    public void Detect_RecognisesARequestForAPerson(string text)
    {
        Assert.NotNull(HumanRequestDetector.Detect(text));
    }

    [Theory]
    [InlineData("the delivery agent left my parcel at the neighbour's")]
    [InlineData("can another person pay my invoice")]
    [InlineData("meine Kollegin hat für mich bestellt")]
    [InlineData("When is my next payment due?")]
    [InlineData("I returned the parcel, please pause my invoice")]
    [InlineData("Wann bekomme ich mein Geld zurück?")]
    [InlineData("Mensch, das dauert aber lange mit der Erstattung")]
    [InlineData("is my personal data safe with you")]
    [InlineData("")]
    public void Detect_IgnoresOrdinarySentencesThatMentionPeople(string text)
    {
        Assert.Null(HumanRequestDetector.Detect(text));
    }

    [Fact]
    public void Detect_ReturnsTheWordsThatShowTheRequest()
    {
        var evidence = HumanRequestDetector.Detect("Hello. I want to talk to a human about my order.");

        Assert.NotNull(evidence);
        Assert.Contains("human", evidence, StringComparison.OrdinalIgnoreCase);
    }
}
