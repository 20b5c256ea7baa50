using RelayDesk.Assistant.Accounts;
using RelayDesk.Assistant.Conversation;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Nlu;
using RelayDesk.Assistant.Tests.Nlu;
using RelayDesk.Domain.Accounts.Errands;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Assistant.Tests.Accounts;

/// <summary>"Which purchase?" — asked when several open purchases could be meant, answered in the next turn.</summary>
public sealed class PurchaseChoiceTests(ProductModelFixture product) : IClassFixture<ProductModelFixture>
{
    private static readonly Guid Conversation = Guid.Parse("0b1c2d3e-0000-4000-8000-000000000002");

    private static readonly PurchaseSummary Ikea = new("P-100001-1", "IKEA", "Regal", 119.90m, "pay-in-30", new DateTimeOffset(2026, 10, 30, 10, 0, 0, TimeSpan.Zero),
        119.90m, new DateOnly(2026, 11, 29), 119.90m, null, null, null, false);

    private static readonly PurchaseSummary Zalando = new("P-100001-2", "Zalando", "Jacke", 89.90m, "pay-in-30", new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero),
        89.90m, new DateOnly(2026, 12, 1), 89.90m, null, null, null, false);

    private static readonly PurchaseSummary MediaMarkt = new("P-100001-3", "MediaMarkt", "Kopfhörer", 1234.50m, "pay-in-4", new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero),
        925.88m, new DateOnly(2026, 12, 10), 308.62m, null, null, null, false);

    private static readonly PurchaseSummary Paid = new("P-100001-4", "Thalia", "Buch", 19.99m, "pay-in-30", new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero),
        0, null, null, null, null, null, false);

    private static readonly IReadOnlyList<PurchaseSummary> Options = [Ikea, Zalando, MediaMarkt];

    private readonly KnowledgeBase _knowledge = new(HelpArticleCatalog.LoadBuiltIn());

    [Theory]
    [InlineData("2", "P-100001-2")]
    [InlineData("Nr. 3", "P-100001-3")]
    [InlineData("die zweite", "P-100001-2")]
    [InlineData("Die erste bitte", "P-100001-1")]
    [InlineData("die letzte", "P-100001-3")]
    [InlineData("the second one", "P-100001-2")]
    [InlineData("3rd please", "P-100001-3")]
    [InlineData("Zalando", "P-100001-2")]
    [InlineData("die Zalando-Bestellung", "P-100001-2")]
    [InlineData("die von ikea", "P-100001-1")]
    [InlineData("the MediaMarkt one", "P-100001-3")]
    [InlineData("the 89,90 one", "P-100001-2")]
    [InlineData("die über 119,90 €", "P-100001-1")]
    [InlineData("€1,234.50", "P-100001-3")]
    [InlineData("the 89 euro one", "P-100001-2")]
    [InlineData("P-100001-3", "P-100001-3")]
    public void AnAnswerToTheList_PicksOnePurchase_ByPositionMerchantAmountOrNumber(string answer, string expected)
    {
        var picked = PurchaseMentions.Chosen(answer, Options);

        Assert.Equal(expected, picked.Single?.Number);
    }

    [Theory]
    [InlineData("Wann ist meine nächste Rate fällig?")]
    [InlineData("what are your opening hours")]
    [InlineData("um 5 Tage bitte")]
    [InlineData("7")]
    [InlineData("hmm")]
    public void AnAnswerThatPicksNothing_HasNoClue(string answer) => Assert.False(PurchaseMentions.Chosen(answer, Options).HasClue);

    [Fact]
    public void ClueThatFitsSeveral_PointsAtAllOfThem_AndContradictingCluesAtNone()
    {
        var twoZalando = new[] { Zalando, Zalando with { Number = "P-100001-5", Amount = 45m, OpenAmount = 45m, NextAmount = 45m } };

        Assert.Equal(2, PurchaseMentions.Chosen("Zalando", twoZalando).Purchases.Count);
        Assert.Equal("P-100001-5", PurchaseMentions.Chosen("Zalando, die über 45 Euro", twoZalando).Single?.Number);
        Assert.Empty(PurchaseMentions.Chosen("die erste von Zalando", Options).Purchases);
    }

    [Fact]
    public void InAFirstMessage_APositionIsNoClue_ButAMerchantOrAmountIs()
    {
        Assert.False(PurchaseMentions.Named("Kann ich die zweite Rate verschieben?", Options).HasClue);
        Assert.Equal("P-100001-2", PurchaseMentions.Named("Kann ich meine Zalando-Zahlung verschieben?", Options).Single?.Number);
        Assert.Equal("P-100001-1", PurchaseMentions.Named("can I pay the 119.90 later", Options).Single?.Number);
        Assert.False(PurchaseMentions.Named("Kann ich um 10 Tage verschieben, bis zum 01.12.2026?", Options).HasClue);
    }

    [Fact]
    public async Task SeveralOpenPurchases_TheGermanCustomerIsAskedWhichOne_WithMerchantAmountAndDueDate_AndNothingChanges()
    {
        var errands = new RecordingErrands([Ikea, Zalando, Paid]);

        var reply = await new AccountErrandAnswers(errands).AnswerAsync("extend_due_date", 0.9, Turn("de", "Kann ich meine Zahlung um 5 Tage verschieben?"), default);

        Assert.Equal(
            "Sie haben 2 offene Einkäufe. Für welchen soll ich die Zahlungsfrist verlängern?\n"
            + "1. IKEA: 119,90 €, nächste Zahlung am 29.11.2026 (P-100001-1)\n"
            + "2. Zalando: 89,90 €, nächste Zahlung am 01.12.2026 (P-100001-2)\n"
            + "Antworten Sie einfach mit der Nummer, dem Händler oder dem Betrag.",
            reply.Text);
        Assert.Empty(errands.Changes);
        Assert.Equal("extend_due_date", reply.Signals.Intent);
    }

    [Fact]
    public async Task SeveralOpenPurchases_TheEnglishCustomerIsAskedInEnglishFormatting()
    {
        var errands = new RecordingErrands([Ikea, MediaMarkt]);

        var reply = await new AccountErrandAnswers(errands).AnswerAsync("invoice_resend", 0.9, Turn("en", "please send me the invoice again"), default);

        Assert.StartsWith("You have 2 open purchases. Which one should I send the invoice for again?\n1. IKEA: €119.90, next payment on 29 Nov 2026 (P-100001-1)\n2. MediaMarkt: €1,234.50, next payment on 10 Dec 2026 (P-100001-3)", reply.Text, StringComparison.Ordinal);
        Assert.Empty(errands.Changes);
    }

    [Theory]
    [InlineData("de", "Bitte die Zalando-Zahlung um 5 Tage verschieben")]
    [InlineData("en", "can I pay the 89,90 one 5 days later")]
    public async Task APurchaseNamedInTheFirstMessage_IsActedOnWithoutAsking(string language, string text)
    {
        var errands = new RecordingErrands([Ikea, Zalando]);

        await new AccountErrandAnswers(errands).AnswerAsync("extend_due_date", 0.9, Turn(language, text), default);

        Assert.Equal(["extend P-100001-2 5"], errands.Changes);
    }

    [Fact]
    public async Task OnlyOnePurchaseCouldBeMeant_ItIsActedOnWithoutAsking()
    {
        var errands = new RecordingErrands([Zalando, Paid, Ikea with { PausedFor = "return", PausedUntil = new DateOnly(2026, 12, 20), NextDue = null }]);

        await new AccountErrandAnswers(errands).AnswerAsync("extend_due_date", 0.9, Turn("en", "can I get more time to pay?"), default);

        Assert.Equal(["extend P-100001-2 10"], errands.Changes);
    }

    [Theory]
    [InlineData("de", "Kann ich meine Zahlung um 5 Tage verschieben?", "die zweite", "extend P-100001-2 5")]
    [InlineData("de", "Kann ich meine Zahlung um 5 Tage verschieben?", "die Zalando-Bestellung", "extend P-100001-2 5")]
    [InlineData("de", "Ich möchte meine Zahlungsfrist verlängern", "2, um 7 Tage", "extend P-100001-2 7")]
    [InlineData("en", "can I push back my due date?", "1", "extend P-100001-1 10")]
    [InlineData("en", "can I push back my due date?", "the 89,90 one", "extend P-100001-2 10")]
    [InlineData("en", "I sent my order back", "the IKEA one", "return P-100001-1")]
    [InlineData("de", "ich habe die Bestellung zurückgeschickt", "Nummer 2", "return P-100001-2")]
    [InlineData("en", "can you resend my invoice", "second", "invoice P-100001-2")]
    public async Task TheAnswerInTheNextTurn_RunsTheErrandOnThePurchasePicked(string language, string request, string answer, string change)
    {
        var errands = new RecordingErrands([Ikea, Zalando]);
        var assistant = new EmbeddedAssistant(_knowledge, new Recognizer(product.Model), errands);
        var question = await assistant.ReplyAsync(Turn(language, request), default);
        Assert.Empty(errands.Changes);

        var reply = await assistant.ReplyAsync(Turn(language, answer, request, question.Text!), default);

        Assert.Equal([change], errands.Changes);
        Assert.Contains(change.Split(' ')[1], reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerNamingAnotherPurchaseByNumber_RunsTheErrandOnThatOne()
    {
        var errands = new RecordingErrands([Ikea, Zalando, Paid]);
        var assistant = new EmbeddedAssistant(_knowledge, new Recognizer(product.Model), errands);
        var question = await assistant.ReplyAsync(Turn("de", "Können Sie mir die Rechnung nochmal schicken?"), default);
        Assert.DoesNotContain(Paid.Number, question.Text, StringComparison.Ordinal);

        await assistant.ReplyAsync(Turn("de", "P-100001-4", "Können Sie mir die Rechnung nochmal schicken?", question.Text!), default);

        Assert.Equal(["invoice P-100001-4"], errands.Changes);
    }

    [Fact]
    public async Task TheChoiceSurvives_ItIsReadFromTheConversationHistory_NotFromMemory()
    {
        var errands = new RecordingErrands([Ikea, Zalando]);
        var question = await new EmbeddedAssistant(_knowledge, new Recognizer(product.Model), errands)
            .ReplyAsync(Turn("de", "Kann ich meine Zahlung um 5 Tage verschieben?"), default);

        // A new assistant instance (as after a restart) with only the stored messages.
        await new EmbeddedAssistant(_knowledge, new Recognizer(product.Model), errands)
            .ReplyAsync(Turn("de", "IKEA", "Kann ich meine Zahlung um 5 Tage verschieben?", question.Text!), default);

        Assert.Equal(["extend P-100001-1 5"], errands.Changes);
    }

    [Theory]
    [InlineData("de", "Wann ist meine nächste Rate fällig?", "next_payment")]
    [InlineData("en", "when is my next payment due", "next_payment")]
    [InlineData("en", "and when will I get the refund for my Zalando order?", "refund_status")]
    public async Task AReplyThatPicksNothing_CancelsTheChoice_AndIsAnsweredAsAnyOtherTurn(string language, string text, string intent)
    {
        var errands = new RecordingErrands([Ikea, Zalando]);
        var assistant = new EmbeddedAssistant(_knowledge, new Recognizer(product.Model), errands);
        var request = language == "de" ? "Kann ich meine Zahlung verschieben?" : "can I push back my due date?";
        var question = await assistant.ReplyAsync(Turn(language, request), default);

        var reply = await assistant.ReplyAsync(Turn(language, text, request, question.Text!), default);

        Assert.Equal(intent, reply.Signals.Intent);
        Assert.Empty(errands.Changes);
    }

    [Fact]
    public void OnlyTheLastAssistantMessage_CanHoldAnOpenChoice()
    {
        var question = PurchaseChoice.Ask("return_sent", [Ikea, Zalando], "en");

        var pending = PurchaseChoice.Pending([new(MessageAuthor.Customer, "I sent it back"), new(MessageAuthor.Assistant, question)]);

        Assert.NotNull(pending);
        Assert.Equal(("return_sent", "I sent it back"), (pending.Intent, pending.Request));
        Assert.Equal(["P-100001-1", "P-100001-2"], pending.Numbers);
        Assert.Null(PurchaseChoice.Pending([new(MessageAuthor.Assistant, question), new(MessageAuthor.Customer, "2"), new(MessageAuthor.Assistant, "Done.")]));
        Assert.Null(PurchaseChoice.Pending([new(MessageAuthor.Assistant, question), new(MessageAuthor.System, "Ich suche einen Menschen.")]));
    }

    private static AssistantTurn Turn(string language, string text, params string[] history) =>
        new(Conversation, language, text, "C-100001",
            [.. history.Select((line, i) => new AssistantHistoryLine(i % 2 == 0 ? MessageAuthor.Customer : MessageAuthor.Assistant, line))]);

    private sealed class Recognizer(IntentClassifier model) : IIntentRecognizer
    {
        public IntentPrediction? Recognize(string text) => model.Predict(text);
    }

    /// <summary>Errands on a fixed account that record every change they are asked to make.</summary>
    private sealed class RecordingErrands(IReadOnlyList<PurchaseSummary> purchases) : IAccountErrands
    {
        public List<string> Changes { get; } = [];

        public Task<ErrandResult<BalanceOverview>> GetOpenBalanceAsync(ErrandCaller caller, CancellationToken cancellationToken = default) =>
            Task.FromResult(ErrandResult<BalanceOverview>.Done(new BalanceOverview(caller.CustomerId!, purchases.Sum(p => p.OpenAmount), 0, 0, "EUR", purchases)));

        public Task<ErrandResult<PurchaseSchedule>> GetPaymentScheduleAsync(ErrandCaller caller, string purchaseNumber, CancellationToken cancellationToken = default) =>
            Task.FromResult(ErrandResult<PurchaseSchedule>.Done(new PurchaseSchedule(Find(purchaseNumber), 0, 0, [])));

        public Task<ErrandResult<NextPayment>> GetNextPaymentAsync(ErrandCaller caller, CancellationToken cancellationToken = default) =>
            Task.FromResult(ErrandResult<NextPayment>.Done(new NextPayment(Ikea.Number, Ikea.Merchant, 1, Ikea.NextDue!.Value, Ikea.NextAmount!.Value, "scheduled", 1)));

        public Task<ErrandResult<ReturnRegistered>> MarkReturnSentAsync(ErrandCaller caller, string purchaseNumber, string idempotencyKey, CancellationToken cancellationToken = default)
        {
            Changes.Add($"return {purchaseNumber}");
            return Task.FromResult(ErrandResult<ReturnRegistered>.Done(new ReturnRegistered(purchaseNumber, Find(purchaseNumber).Merchant, 10m, new DateOnly(2026, 12, 20))));
        }

        public Task<ErrandResult<RefundStatus>> GetRefundStatusAsync(ErrandCaller caller, string purchaseNumber, CancellationToken cancellationToken = default) =>
            Task.FromResult(ErrandResult<RefundStatus>.Done(new RefundStatus(purchaseNumber, Find(purchaseNumber).Merchant, 0, [], null, null, 10m, null)));

        public Task<ErrandResult<DueDateExtension>> ExtendDueDateAsync(ErrandCaller caller, string purchaseNumber, int days, string idempotencyKey, CancellationToken cancellationToken = default)
        {
            Changes.Add($"extend {purchaseNumber} {days}");
            var due = Find(purchaseNumber).NextDue!.Value;
            return Task.FromResult(ErrandResult<DueDateExtension>.Done(new DueDateExtension(purchaseNumber, 1, due, due.AddDays(days), 10m, 0)));
        }

        public Task<ErrandResult<InvoiceResent>> ResendInvoiceAsync(ErrandCaller caller, string purchaseNumber, string idempotencyKey, CancellationToken cancellationToken = default)
        {
            Changes.Add($"invoice {purchaseNumber}");
            return Task.FromResult(ErrandResult<InvoiceResent>.Done(new InvoiceResent(purchaseNumber, "k***@example.de", DateTimeOffset.UnixEpoch)));
        }

        private PurchaseSummary Find(string number) => purchases.Single(p => p.Number == number);
    }
}
