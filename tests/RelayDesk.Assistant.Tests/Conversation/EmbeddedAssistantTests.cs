using RelayDesk.Assistant.Conversation;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Nlu;
using RelayDesk.Assistant.Tests.Nlu;

namespace RelayDesk.Assistant.Tests.Conversation;

public sealed class EmbeddedAssistantTests(ProductModelFixture product) : IClassFixture<ProductModelFixture>, IDisposable
{
    private readonly KnowledgeBase _knowledge = new(HelpArticleCatalog.LoadBuiltIn());

    [Theory]
    [InlineData("de", "wann ist meine nächste rate fällig", "next_payment", "next-payment-date-de")]
    [InlineData("en", "when is my next instalment due", "next_payment", "next-payment-date-en")]
    [InlineData("de", "ich hab das paket zurückgeschickt", "return_sent", "returns-pause-payment-de")]
    [InlineData("en", "can i push back my due date", "extend_due_date", "extend-due-date-en")]
    public async Task ARecognisedErrand_IsAnsweredFromItsArticle_InTheCustomersLanguage(string language, string text, string intent, string article)
    {
        var assistant = new EmbeddedAssistant(_knowledge, new Recognizer(product.Model));

        var reply = await assistant.ReplyAsync(new AssistantTurn(Guid.NewGuid(), language, text), CancellationToken.None);

        Assert.Equal(intent, reply.Signals.Intent);
        Assert.Equal(article, reply.ArticleId);
        Assert.False(reply.Signals.Missed);
    }

    [Theory]
    [InlineData("en", "what's the weather in Hamburg tomorrow")]
    [InlineData("de", "wer hat gestern das Fußballspiel gewonnen")]
    public async Task SomethingOutOfScope_IsAMiss_NotAGuess(string language, string text)
    {
        var assistant = new EmbeddedAssistant(_knowledge, new Recognizer(product.Model));

        var reply = await assistant.ReplyAsync(new AssistantTurn(Guid.NewGuid(), language, text), CancellationToken.None);

        Assert.True(reply.Signals.Missed);
        Assert.Null(reply.ArticleId);
    }

    [Fact]
    public async Task WithoutAModelYet_TheHelpArticlesStillAnswer()
    {
        var assistant = new EmbeddedAssistant(_knowledge, new Recognizer(null));

        var reply = await assistant.ReplyAsync(new AssistantTurn(Guid.NewGuid(), "en", "How long does it take until I get my refund?"), CancellationToken.None);

        Assert.Equal("refund-timing-en", reply.ArticleId);
    }

    [Fact]
    public async Task AGreeting_GetsAGreetingBack()
    {
        var assistant = new EmbeddedAssistant(_knowledge, new Recognizer(product.Model));

        var reply = await assistant.ReplyAsync(new AssistantTurn(Guid.NewGuid(), "de", "Hallo zusammen"), CancellationToken.None);

        Assert.Equal("greeting", reply.Signals.Intent);
        Assert.Contains("Wobei kann ich helfen", reply.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _knowledge.Dispose();

    private sealed class Recognizer(IntentClassifier? model) : IIntentRecognizer
    {
        public IntentPrediction? Recognize(string text) => model?.Predict(text);
    }
}
