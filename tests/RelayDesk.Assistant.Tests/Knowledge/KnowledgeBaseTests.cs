using RelayDesk.Assistant.Knowledge;

namespace RelayDesk.Assistant.Tests.Knowledge;

public sealed class KnowledgeBaseTests : IDisposable
{
    private readonly KnowledgeBase _knowledge = new(HelpArticleCatalog.LoadBuiltIn());

    [Fact]
    public void BuiltInArticles_CoverEveryTopicInGermanAndEnglish()
    {
        var articles = HelpArticleCatalog.LoadBuiltIn();

        Assert.True(articles.Count >= 30, $"only {articles.Count} articles");
        var byTopic = articles.GroupBy(a => a.TopicId).ToList();
        Assert.All(byTopic, topic => Assert.Equal(["de", "en"], topic.Select(a => a.Language).Order()));
    }

    [Theory]
    [InlineData("How long does it take until I get my refund?", "en", "refund-timing")]
    [InlineData("when do i get my money back", "en", "refund-timing")]
    [InlineData("I sent the parcel back, do I still have to pay the invoice?", "en", "returns-pause-payment")]
    [InlineData("can I push my due date back a bit", "en", "extend-due-date")]
    [InlineData("what happens if I pay late, are there fees?", "en", "late-fees-reminders")]
    [InlineData("Wann bekomme ich mein Geld zurück?", "de", "refund-timing")]
    [InlineData("Ich habe eine Retoure geschickt, muss ich die Rechnung trotzdem bezahlen?", "de", "returns-pause-payment")]
    [InlineData("Kann ich die Zahlung verschieben?", "de", "extend-due-date")]
    [InlineData("Kann ich in Raten zahlen?", "de", "pay-in-instalments")]
    public void Search_FindsTheArticleThatAnswersTheQuestion(string question, string language, string topic)
    {
        var hits = _knowledge.Search(question, language);

        Assert.NotEmpty(hits);
        Assert.Equal(topic, hits[0].Article.TopicId);
        Assert.Equal(language, hits[0].Article.Language);
    }

    [Fact]
    public void Search_ForSomethingUnrelated_FindsNothingConvincing()
    {
        var hits = _knowledge.Search("what's the weather in Hamburg tomorrow", "en");

        Assert.True(hits.Count == 0 || hits[0].Coverage < 0.3, $"coverage {hits.FirstOrDefault()?.Coverage}");
    }

    public void Dispose() => _knowledge.Dispose();
}
