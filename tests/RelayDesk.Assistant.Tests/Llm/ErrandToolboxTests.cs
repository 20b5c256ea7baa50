using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Assistant.Llm;

namespace RelayDesk.Assistant.Tests.Llm;

public sealed class ErrandToolboxTests
{
    [Theory]
    [InlineData("GetNextPaymentAsync", "get_next_payment")]
    [InlineData("ExtendDueDate", "extend_due_date")]
    [InlineData("Refunds", "refunds")]
    public void MethodNames_BecomeSnakeCaseToolNames(string method, string tool)
    {
        Assert.Equal(tool, ErrandToolbox<IFakeErrands>.ToolName(method));
    }

    [Fact]
    public void AnAnonymousVisitor_GetsNoErrands()
    {
        var tools = new ErrandToolbox<IFakeErrands>().ToolsFor(new AssistantTurn(Guid.NewGuid(), "en", "hi"));

        Assert.Empty(tools);
    }

    [Fact]
    public async Task DescribedErrands_AreOffered_WithoutTheCustomerId_AndRunForTheTurnsCustomer()
    {
        var errands = new FakeErrands();
        await using var harness = await LlmHarness.StartAsync(configure: services =>
        {
            services.AddScoped<IFakeErrands>(_ => errands);
            services.AddSingleton<IAssistantToolbox, ErrandToolbox<IFakeErrands>>();
        });
        harness.Server
            .Then(new FakeReply.ToolCall("extend_due_date", """{"days":14}"""))
            .Then(new FakeReply.Answer("I'm sorry, the due date of this order was already extended once."));

        var reply = await harness.Assistant.ReplyAsync(new AssistantTurn(Guid.NewGuid(), "en", "can I pay 2 weeks later?", "customer-7"), CancellationToken.None);

        var request = harness.Server.Requests[0];
        Assert.Equal(["search_help", "get_next_payment", "extend_due_date"], FakeOpenAiServer.ToolNames(request));
        Assert.DoesNotContain("customerId", request["tools"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(("customer-7", 14), errands.Extended.Single());
        Assert.True(reply.Signals.PolicyRefusal);
        Assert.Equal(120m, reply.Signals.Amount);
        Assert.Empty(harness.Server.Violations);
    }

    public interface IFakeErrands
    {
        [Description("The customer's next due payment.")]
        Task<Payment> GetNextPaymentAsync(string customerId, CancellationToken cancellationToken);

        [Description("Moves the due date of the open order back by some days, once per order.")]
        Task<Extension> ExtendDueDateAsync(string customerId, [Description("How many days, 1–30.")] int days, CancellationToken cancellationToken);

        void Housekeeping();
    }

    public sealed record Payment(decimal Amount, DateOnly DueDate);

    public sealed record Extension(bool Refused, string Reason, decimal OpenAmount);

    private sealed class FakeErrands : IFakeErrands
    {
        public List<(string Customer, int Days)> Extended { get; } = [];

        public Task<Payment> GetNextPaymentAsync(string customerId, CancellationToken cancellationToken) =>
            Task.FromResult(new Payment(49.90m, new DateOnly(2026, 12, 1)));

        public Task<Extension> ExtendDueDateAsync(string customerId, int days, CancellationToken cancellationToken)
        {
            Extended.Add((customerId, days));
            return Task.FromResult(new Extension(true, "already extended once", 120m));
        }

        public void Housekeeping()
        {
        }
    }
}
