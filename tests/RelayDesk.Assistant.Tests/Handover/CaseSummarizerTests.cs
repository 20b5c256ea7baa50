using RelayDesk.Assistant.Accounts;
using RelayDesk.Assistant.Handover;
using RelayDesk.Assistant.Nlu;
using RelayDesk.Domain.Accounts.Errands;

namespace RelayDesk.Assistant.Tests.Handover;

public sealed class CaseSummarizerTests
{
    private const string Greeting = "Hi! I'm the digital assistant. Ask me about payments, due dates, returns, refunds or your account. You can talk to a person at any time – just press \"Talk to a human\".";
    private const string NotUnderstood = "I'm not sure I understood that. Could you put it differently? If you'd rather talk to a person, press \"Talk to a human\".";

    /// <summary>Recognises intents by keyword, so the summary logic is tested on its own.</summary>
    private sealed class KeywordIntents : IIntentRecognizer
    {
        public IntentPrediction? Recognize(string text) =>
            text.Contains("refund", StringComparison.OrdinalIgnoreCase) ? Sure("refund_status")
            : text.Contains("next payment", StringComparison.OrdinalIgnoreCase) ? Sure("next_payment")
            : text.StartsWith("hi", StringComparison.OrdinalIgnoreCase) ? Sure("greeting")
            : new IntentPrediction("oos", 0.9f, true, []);

        private static IntentPrediction Sure(string label) => new(label, 0.95f, false, []);
    }

    private readonly CaseSummarizer _summarizer = new(new KeywordIntents());

    [Fact]
    public void Keeps_the_errands_in_order_without_small_talk_or_repeats()
    {
        var summary = _summarizer.Summarize(
        [
            new(1, TranscriptAuthor.Assistant, Greeting),
            new(2, TranscriptAuthor.Customer, "hi there"),
            new(3, TranscriptAuthor.Customer, "Where is my refund?"),
            new(4, TranscriptAuthor.Customer, "And when is the next payment?"),
            new(5, TranscriptAuthor.Customer, "Still no refund!"),
        ], null, []);

        Assert.Equal(["refund_status", "next_payment"], summary.Intents);
        Assert.Equal(["the status of a refund", "the next payment"], summary.Errands);
        Assert.Equal(["only greeted the customer"], summary.AssistantDid);
    }

    [Fact]
    public void Quotes_the_sentences_with_the_evidence_and_the_figures_in_transcript_order()
    {
        var handover = new HandoverReason("Financial hardship", "hardship", "lost my job", "urgent", ["hardship"]);

        var summary = _summarizer.Summarize(
        [
            new(2, TranscriptAuthor.Customer, "hello"),
            new(3, TranscriptAuthor.Customer, "The weather is nice. Order 4711 was 129.99 EUR."),
            new(5, TranscriptAuthor.Customer, "Something else entirely here today. I lost my job last month."),
            new(7, TranscriptAuthor.Customer, "ok"),
        ], handover, []);

        var quotes = summary.CustomerSaid.Select(q => q.Text).ToList();
        Assert.True(quotes.IndexOf("Order 4711 was 129.99 EUR.") is >= 0 and var order && order < quotes.IndexOf("I lost my job last month."), string.Join(" | ", quotes));
        Assert.Equal(CaseSummarizer.MaxQuotes, summary.CustomerSaid.Count);
        Assert.True(summary.CustomerSaid.Select(q => q.Seq).SequenceEqual(summary.CustomerSaid.Select(q => q.Seq).Order()));
        Assert.DoesNotContain(summary.CustomerSaid, q => q.Text == "ok");
        Assert.Contains("Handed over: Financial hardship (\"lost my job\")", summary.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_the_articles_the_assistant_answered_with_and_its_misses()
    {
        var answer = "Refunds\n\nA refund takes 5 business days.\n\nDid that help? If not, ask me in other words – or talk to a person.";

        var summary = _summarizer.Summarize(
        [
            new(1, TranscriptAuthor.Assistant, Greeting),
            new(2, TranscriptAuthor.Customer, "where is my refund"),
            new(3, TranscriptAuthor.Assistant, answer),
            new(4, TranscriptAuthor.Customer, "blah"),
            new(5, TranscriptAuthor.Assistant, NotUnderstood),
            new(6, TranscriptAuthor.Customer, "blub"),
            new(7, TranscriptAuthor.Assistant, NotUnderstood),
        ], null, [new AccountFact("Due date of order 4711 extended to 2026-12-10", DateTimeOffset.UnixEpoch)]);

        Assert.Equal(["answered from help articles: 'Refunds'", "did not understand 2 messages"], summary.AssistantDid);
        Assert.Contains("Account: Due date of order 4711 extended", summary.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_which_purchase_question_with_the_errand_and_the_purchases_offered()
    {
        PurchaseSummary Open(string number, string merchant) =>
            new(number, merchant, "", 50m, "pay-in-30", DateTimeOffset.UnixEpoch, 50m, new DateOnly(2026, 12, 1), 50m, null, null, null, false);
        var question = PurchaseChoice.Ask("extend_due_date", [Open("P-100001-1", "IKEA"), Open("P-100001-2", "Zalando")], "de");

        var summary = _summarizer.Summarize(
        [
            new(1, TranscriptAuthor.Customer, "Kann ich meine Zahlung verschieben?"),
            new(2, TranscriptAuthor.Assistant, question),
        ], null, []);

        Assert.Equal(["asked which purchase (extend_due_date; P-100001-1, P-100001-2)"], summary.AssistantDid);
    }

    [Fact]
    public void Shortens_very_long_sentences()
    {
        var summary = _summarizer.Summarize([new(2, TranscriptAuthor.Customer, new string('a', 500))], null, []);

        var quote = Assert.Single(summary.CustomerSaid);
        Assert.Equal(CaseSummarizer.MaxQuoteLength, quote.Text.Length);
        Assert.EndsWith("…", quote.Text, StringComparison.Ordinal);
    }
}
