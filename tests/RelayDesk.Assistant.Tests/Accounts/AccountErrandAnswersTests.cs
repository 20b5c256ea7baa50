using RelayDesk.Assistant.Accounts;
using RelayDesk.Domain.Accounts.Errands;

namespace RelayDesk.Assistant.Tests.Accounts;

public sealed class AccountErrandAnswersTests
{
    private static readonly Guid Conversation = Guid.Parse("0b1c2d3e-0000-4000-8000-000000000001");

    private static readonly PurchaseSummary Zalando = new("P-100001-1", "Zalando", "Jacke", 119.90m, "pay-in-30", new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero),
        119.90m, new DateOnly(2026, 12, 1), 119.90m, null, null, null, false);

    [Fact]
    public async Task NextPayment_InGerman_UsesGermanMoneyAndDates()
    {
        var errands = new FakeErrands { Next = ErrandResult<NextPayment>.Done(new NextPayment("P-100001-1", "Zalando", 1, new DateOnly(2026, 12, 1), 1234.5m, "scheduled", 1)) };

        var reply = await new AccountErrandAnswers(errands).AnswerAsync("next_payment", 0.9, new AssistantTurn(Conversation, "de", "Wann ist meine nächste Rate fällig?", "C-100001"), default);

        Assert.Contains("1.234,50 €", reply.Text, StringComparison.Ordinal);
        Assert.Contains("01.12.2026", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1234.5m, reply.Signals.Amount);
    }

    [Fact]
    public async Task NextPayment_InEnglish_UsesEnglishMoneyAndDates()
    {
        var errands = new FakeErrands { Next = ErrandResult<NextPayment>.Done(new NextPayment("P-100001-1", "Zalando", 1, new DateOnly(2026, 12, 1), 1234.5m, "scheduled", 1)) };

        var reply = await new AccountErrandAnswers(errands).AnswerAsync("next_payment", 0.9, new AssistantTurn(Conversation, "en", "when is my next payment", "C-100001"), default);

        Assert.Contains("€1,234.50", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1 Dec 2026", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedExtension_SaysWhy_AndSignalsAPolicyRefusal()
    {
        var errands = new FakeErrands { Extension = ErrandResult<DueDateExtension>.Fail(ErrandOutcome.Refused, "extension.already-used", "already") };

        var reply = await new AccountErrandAnswers(errands).AnswerAsync("extend_due_date", 0.9, new AssistantTurn(Conversation, "de", "Kann ich um 3 Tage verschieben?", "C-100001"), default);

        Assert.True(reply.Signals.PolicyRefusal);
        Assert.Contains("bereits einmal verlängert", reply.Text, StringComparison.Ordinal);
        Assert.Equal(("P-100001-1", 3), errands.LastExtension);
    }

    [Fact]
    public async Task AnAnonymousTurn_AsksToLogIn_AndCallsNoErrand()
    {
        var errands = new FakeErrands();

        var reply = await new AccountErrandAnswers(errands).AnswerAsync("return_sent", 0.9, new AssistantTurn(Conversation, "en", "I sent it back", null), default);

        Assert.Contains("log in", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, errands.Calls);
    }

    [Theory]
    [InlineData("Kann ich um 5 Tage verschieben", 5)]
    [InlineData("extend by 7 days please", 7)]
    [InlineData("ein bisschen später", null)]
    public void RequestedDays_ReadsTheNumberOfDays(string text, int? days) => Assert.Equal(days, AccountErrandAnswers.RequestedDays(text));

    [Fact]
    public void PickPurchase_PrefersTheNamedMerchantOrNumber()
    {
        var other = Zalando with { Number = "P-100001-2", Merchant = "IKEA", NextDue = new DateOnly(2026, 11, 28) };

        Assert.Equal("P-100001-1", AccountErrandAnswers.PickPurchase("next_payment", "my zalando order", [other, Zalando])!.Number);
        Assert.Equal("P-100001-2", AccountErrandAnswers.PickPurchase("next_payment", "when is it due", [other, Zalando])!.Number);
        Assert.Equal("P-100001-1", AccountErrandAnswers.PickPurchase("refund_status", "refund for p-100001-1?", [other, Zalando])!.Number);
    }

    private sealed class FakeErrands : IAccountErrands
    {
        public ErrandResult<NextPayment> Next { get; init; } = ErrandResult<NextPayment>.Fail(ErrandOutcome.Done, "nothing-due", "none");

        public ErrandResult<DueDateExtension> Extension { get; init; } = ErrandResult<DueDateExtension>.Fail(ErrandOutcome.Refused, "x", "x");

        public int Calls { get; private set; }

        public (string Number, int Days)? LastExtension { get; private set; }

        public Task<ErrandResult<BalanceOverview>> GetOpenBalanceAsync(ErrandCaller caller, CancellationToken cancellationToken = default) =>
            Count(ErrandResult<BalanceOverview>.Done(new BalanceOverview(caller.CustomerId!, 119.90m, 0, 0, "EUR", [Zalando])));

        public Task<ErrandResult<PurchaseSchedule>> GetPaymentScheduleAsync(ErrandCaller caller, string purchaseNumber, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ErrandResult<NextPayment>> GetNextPaymentAsync(ErrandCaller caller, CancellationToken cancellationToken = default) => Count(Next);

        public Task<ErrandResult<ReturnRegistered>> MarkReturnSentAsync(ErrandCaller caller, string purchaseNumber, string idempotencyKey, CancellationToken cancellationToken = default) =>
            Count(ErrandResult<ReturnRegistered>.Done(new ReturnRegistered(purchaseNumber, "Zalando", 119.90m, new DateOnly(2026, 12, 16))));

        public Task<ErrandResult<RefundStatus>> GetRefundStatusAsync(ErrandCaller caller, string purchaseNumber, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ErrandResult<DueDateExtension>> ExtendDueDateAsync(ErrandCaller caller, string purchaseNumber, int days, string idempotencyKey, CancellationToken cancellationToken = default)
        {
            LastExtension = (purchaseNumber, days);
            return Count(Extension);
        }

        public Task<ErrandResult<InvoiceResent>> ResendInvoiceAsync(ErrandCaller caller, string purchaseNumber, string idempotencyKey, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        private Task<T> Count<T>(T result)
        {
            Calls++;
            return Task.FromResult(result);
        }
    }
}
