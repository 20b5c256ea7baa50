using System.ComponentModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RelayDesk.Assistant.Llm;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Assistant.Tests.Llm;

public sealed class LlmAssistantTests
{
    private const string Customer = "customer-42";
    private const string Name = "Jana Müller";
    private const string Email = "jana.mueller@example.com";
    private const string Iban = "DE89 3704 0044 0532 0130 00";
    private const string Card = "4111 1111 1111 1111";

    private static readonly KnownPersonalValue[] Known =
    [
        new(PersonalDataKind.Name, Name),
        new(PersonalDataKind.Email, Email),
        new(PersonalDataKind.Iban, Iban),
        new(PersonalDataKind.Card, Card),
    ];

    private static readonly string[] Forbidden = [Name, "Müller", "Jana", Email, "DE89370400440532013000", "4111111111111111", "4111 1111 1111 1111", Iban];

    [Fact]
    public async Task AToolCall_RoundTrips_AndTheAnswerUsesTheToolResult_WithTheCustomersEmailRestored()
    {
        var account = new FakeAccount();
        await using var harness = await LlmHarness.StartAsync(account.Tools, Known);
        harness.Server.Forbidden = Forbidden;
        harness.Server
            .Then(new FakeReply.ToolCall("get_next_payment"))
            .Then(request => new FakeReply.Answer(
                $"Your next payment of 49.90 EUR is due on 2026-12-01. The reminder goes to {FakeOpenAiServer.PlaceholderIn(request, "EMAIL")}."));

        var reply = await harness.Assistant.ReplyAsync(
            Turn($"Hi, I'm {Name}. My IBAN is DE89370400440532013000 and my card {Card}. When is my next payment? Write to {Email}"),
            CancellationToken.None);

        Assert.Equal($"Your next payment of 49.90 EUR is due on 2026-12-01. The reminder goes to {Email}.", reply.Text);
        Assert.Equal(1, account.NextPaymentCalls);
        Assert.Equal(49.90m, reply.Signals.Amount);
        Assert.False(reply.Signals.Missed);
        Assert.Empty(harness.Server.Violations);

        var (first, second) = (harness.Server.Requests[0], harness.Server.Requests[1]);
        Assert.Equal(["search_help", "get_next_payment", "send_invoice"], FakeOpenAiServer.ToolNames(first));
        Assert.Equal("fake-model", first["model"]!.GetValue<string>());
        var tool = FakeOpenAiServer.Messages(second).Single(m => m.Role == "tool");
        Assert.Contains("49.9", tool.Content, StringComparison.Ordinal);
        Assert.Contains("2026-12-01", tool.Content, StringComparison.Ordinal);
        Assert.Contains("[EMAIL_", tool.Content, StringComparison.Ordinal);
        Assert.Contains("[CARD_", tool.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlaceholderInAToolCall_ReachesTheToolAsTheRealValue()
    {
        var account = new FakeAccount();
        await using var harness = await LlmHarness.StartAsync(account.Tools, Known);
        harness.Server.Forbidden = Forbidden;
        harness.Server
            .Then(request => new FakeReply.ToolCall("send_invoice", $$"""{"email":"{{FakeOpenAiServer.PlaceholderIn(request, "EMAIL")}}"}"""))
            .Then(new FakeReply.Answer("Done: the invoice is on its way."));

        var reply = await harness.Assistant.ReplyAsync(Turn($"please send my invoice to {Email}"), CancellationToken.None);

        Assert.Equal("Done: the invoice is on its way.", reply.Text);
        Assert.Equal([Email], account.InvoicesSentTo);
        Assert.Empty(harness.Server.Violations);
    }

    [Fact]
    public async Task TheConversationSoFar_IsSentAsHistory_Redacted_InOrder()
    {
        await using var harness = await LlmHarness.StartAsync(known: Known);
        harness.Server.Forbidden = Forbidden;
        harness.Server.Then(new FakeReply.Answer("Refunds usually take 3–5 business days."));
        var history = new AssistantHistoryLine[]
        {
            new(MessageAuthor.Assistant, "Hi! I'm the digital assistant."),
            new(MessageAuthor.Customer, $"I'm {Name}, I returned my shoes."),
            new(MessageAuthor.System, "Internal notice"),
            new(MessageAuthor.Assistant, "Thanks, the return is noted."),
        };

        await harness.Assistant.ReplyAsync(Turn("when do I get my money back?") with { History = history }, CancellationToken.None);

        var messages = FakeOpenAiServer.Messages(harness.Server.Requests.Single());
        Assert.Equal(["system", "assistant", "user", "assistant", "user"], messages.Select(m => m.Role));
        Assert.StartsWith("I'm [NAME_", messages[2].Content, StringComparison.Ordinal);
        Assert.Equal("when do I get my money back?", messages[^1].Content);
        Assert.Empty(harness.Server.Violations);
    }

    [Fact]
    public async Task AnUnsureAnswer_IsShownWithoutItsMarker_AndCountsAsAMiss()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Then(new FakeReply.Answer("[[unsure]] I can't help with the weather, sorry."));

        var reply = await harness.Assistant.ReplyAsync(Turn("what's the weather tomorrow?", customer: null), CancellationToken.None);

        Assert.Equal("I can't help with the weather, sorry.", reply.Text);
        Assert.True(reply.Signals.Missed);
        Assert.Null(reply.Signals.Intent);
    }

    [Fact]
    public async Task AServerError_FallsBackToTheEmbeddedAnswer()
    {
        await using var harness = await LlmHarness.StartAsync();
        using var fallbacks = new MetricCollector<long>(harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), LlmMetrics.MeterName, LlmMetrics.FallbacksName);
        harness.Server.Then(new FakeReply.Status(500));
        var turn = Turn("how long does a refund take?", customer: null);

        var reply = await harness.Assistant.ReplyAsync(turn, CancellationToken.None);

        await AssertEmbeddedAnswerAsync(harness, turn, reply);
        Assert.Equal("http_error", fallbacks.LastMeasurement!.Tags["reason"]);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"   "},"finish_reason":"stop"}]}""")]
    [InlineData("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"{\"name\":\"get_next_payment\"}"},"finish_reason":"stop"}]}""")]
    public async Task AGarbageResponse_FallsBackToTheEmbeddedAnswer(string body)
    {
        await using var harness = await LlmHarness.StartAsync();
        using var fallbacks = new MetricCollector<long>(harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), LlmMetrics.MeterName, LlmMetrics.FallbacksName);
        harness.Server.Then(new FakeReply.Raw(body));
        var turn = Turn("how long does a refund take?", customer: null);

        var reply = await harness.Assistant.ReplyAsync(turn, CancellationToken.None);

        await AssertEmbeddedAnswerAsync(harness, turn, reply);
        Assert.Equal("garbage", fallbacks.LastMeasurement!.Tags["reason"]);
    }

    [Fact]
    public async Task AHangingModel_TimesOut_AndTheEmbeddedAssistantAnswers()
    {
        await using var harness = await LlmHarness.StartAsync();
        using var fallbacks = new MetricCollector<long>(harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), LlmMetrics.MeterName, LlmMetrics.FallbacksName);
        harness.Server.Then(new FakeReply.Hang());
        var turn = Turn("how long does a refund take?", customer: null);

        var replying = harness.Assistant.ReplyAsync(turn, CancellationToken.None);
        await harness.Server.WaitForRequestsAsync(1);
        harness.Clock.Advance(TimeSpan.FromSeconds(5));
        var reply = await replying.WaitAsync(TimeSpan.FromSeconds(20));

        await AssertEmbeddedAnswerAsync(harness, turn, reply);
        Assert.Equal("timeout", fallbacks.LastMeasurement!.Tags["reason"]);
    }

    [Fact]
    public async Task ATurnThatOutlastsItsBudget_IsAnsweredByTheEmbeddedAssistant()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Assistant:OpenAI:RequestTimeout"] = "00:01:00",
            ["Assistant:OpenAI:TurnBudget"] = "00:00:07",
        });
        using var fallbacks = new MetricCollector<long>(harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), LlmMetrics.MeterName, LlmMetrics.FallbacksName);
        harness.Server.Then(new FakeReply.Hang());
        var turn = Turn("how long does a refund take?", customer: null);

        var replying = harness.Assistant.ReplyAsync(turn, CancellationToken.None);
        await harness.Server.WaitForRequestsAsync(1);
        harness.Clock.Advance(TimeSpan.FromSeconds(7));
        var reply = await replying.WaitAsync(TimeSpan.FromSeconds(20));

        await AssertEmbeddedAnswerAsync(harness, turn, reply);
        Assert.Equal("timeout", fallbacks.LastMeasurement!.Tags["reason"]);
    }

    [Fact]
    public async Task AfterRepeatedFailures_TheCircuitOpens_AndTurnsGoStraightToTheEmbeddedAssistant()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?> { ["Assistant:OpenAI:BreakerMinimumThroughput"] = "2" });
        using var fallbacks = new MetricCollector<long>(harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), LlmMetrics.MeterName, LlmMetrics.FallbacksName);
        harness.Server.Then(new FakeReply.Status(500)).Then(new FakeReply.Status(503));
        var turn = Turn("how long does a refund take?", customer: null);

        await harness.Assistant.ReplyAsync(turn, CancellationToken.None);
        await harness.Assistant.ReplyAsync(turn, CancellationToken.None);
        var reply = await harness.Assistant.ReplyAsync(turn, CancellationToken.None);

        Assert.Equal(2, harness.Server.Requests.Count);
        await AssertEmbeddedAnswerAsync(harness, turn, reply);
        Assert.Equal(["http_error", "http_error", "circuit_open"], fallbacks.GetMeasurementSnapshot().Select(m => m.Tags["reason"]));
        Assert.Empty(harness.Server.Violations);
    }

    [Fact]
    public async Task EveryModelCall_RecordsLatencyAndTokens()
    {
        var account = new FakeAccount();
        await using var harness = await LlmHarness.StartAsync(account.Tools, Known);
        var meters = harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var duration = new MetricCollector<double>(meters, LlmMetrics.MeterName, LlmMetrics.CallDurationName);
        using var input = new MetricCollector<long>(meters, LlmMetrics.MeterName, LlmMetrics.InputTokensName);
        using var output = new MetricCollector<long>(meters, LlmMetrics.MeterName, LlmMetrics.OutputTokensName);
        harness.Server
            .Then(new FakeReply.ToolCall("get_next_payment", PromptTokens: 120, CompletionTokens: 12))
            .Then(new FakeReply.Answer("Your next payment of 49.90 EUR is due on 2026-12-01.", PromptTokens: 180, CompletionTokens: 25));

        await harness.Assistant.ReplyAsync(Turn("when is my next payment?"), CancellationToken.None);

        Assert.Equal(2, duration.GetMeasurementSnapshot().Count);
        Assert.All(duration.GetMeasurementSnapshot(), m => Assert.Equal("success", m.Tags["outcome"]));
        Assert.Equal([120L, 180L], input.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal([12L, 25L], output.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.All(input.GetMeasurementSnapshot(), m => Assert.Equal("fake-model", m.Tags["model"]));
    }

    [Fact]
    public async Task AFailingTool_MarksTheTurnAsFailed_SoAPersonTakesOver()
    {
        var account = new FakeAccount { Broken = true };
        await using var harness = await LlmHarness.StartAsync(account.Tools, Known);
        harness.Server
            .Then(new FakeReply.ToolCall("get_next_payment"))
            .Then(new FakeReply.Answer("Sorry, I can't see your payments right now."));

        var reply = await harness.Assistant.ReplyAsync(Turn("when is my next payment?"), CancellationToken.None);

        Assert.True(reply.Signals.AssistantFailed);
        Assert.Contains("get_next_payment", reply.Signals.FailureDetail, StringComparison.Ordinal);
        var tool = FakeOpenAiServer.Messages(harness.Server.Requests[1]).Single(m => m.Role == "tool");
        Assert.DoesNotContain("ledger", tool.Content, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AssertEmbeddedAnswerAsync(LlmHarness harness, AssistantTurn turn, AssistantReply reply)
    {
        var embedded = await harness.Embedded.ReplyAsync(turn, CancellationToken.None);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.Equal(embedded.Text, reply.Text);
        Assert.Equal(embedded.ArticleId, reply.ArticleId);
        Assert.False(reply.Signals.AssistantFailed);
    }

    private static AssistantTurn Turn(string text, string? customer = Customer) => new(Guid.NewGuid(), "en", text, customer);

    /// <summary>Account errands as the model sees them, with results that carry personal data.</summary>
    private sealed class FakeAccount
    {
        public int NextPaymentCalls { get; private set; }

        public List<string> InvoicesSentTo { get; } = [];

        public bool Broken { get; init; }

        public IReadOnlyList<AITool> Tools =>
        [
            AIFunctionFactory.Create(NextPayment, "get_next_payment"),
            AIFunctionFactory.Create(SendInvoice, "send_invoice"),
        ];

        [Description("The customer's next due payment.")]
        private NextPaymentResult NextPayment()
        {
            NextPaymentCalls++;
            if (Broken)
            {
                throw new InvalidOperationException("The ledger is down.");
            }

            return new NextPaymentResult(49.90m, "EUR", new DateOnly(2026, 12, 1), Email, "4111111111111111", Name);
        }

        [Description("Sends the latest invoice to an e-mail address.")]
        private string SendInvoice([Description("The address to send it to.")] string email)
        {
            InvoicesSentTo.Add(email);
            return "sent";
        }
    }

    private sealed record NextPaymentResult(decimal Amount, string Currency, DateOnly DueDate, string ReminderEmail, string CardNumber, string AccountHolder);
}
