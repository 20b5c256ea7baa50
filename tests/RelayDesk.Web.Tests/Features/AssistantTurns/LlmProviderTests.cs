using RelayDesk.Assistant.Tests.Llm;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.AssistantTurns;

public sealed class LlmProviderTests
{
    [Fact]
    public async Task WithAnOpenAIProvider_TheCustomerReadsTheModelsAnswer_AndThePersonalDataNeverLeaves()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Forbidden = ["max.mustermann@example.org", "0151 2345678"];
        model
            .Then(new FakeReply.Answer("Refunds reach your account within 3–5 business days after the merchant confirms the return."))
            .Then(request => new FakeReply.Answer($"Sure – we'll write to {FakeOpenAiServer.PlaceholderIn(request, "EMAIL")} as soon as it's booked."));
        using var factory = new RelayDeskFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Assistant:Provider"] = "OpenAI",
                ["Assistant:OpenAI:Endpoint"] = model.Endpoint.ToString(),
                ["Assistant:OpenAI:Model"] = "fake-model",
            },
        };
        var (started, customer) = await factory.StartCustomerAsync();

        var first = await customer.SendAsync(started.Id, "When do I get my refund?");
        await factory.WaitForAsync(started.Id, c => c.LastSeq > first.Seq);
        var second = await customer.SendAsync(started.Id, "Please tell me at max.mustermann@example.org or 0151 2345678");
        var conversation = await factory.WaitForAsync(started.Id, c => c.LastSeq > second.Seq);

        var answers = conversation.Messages.Where(m => m.Author == MessageAuthor.Assistant).OrderBy(m => m.Seq).Select(m => m.Text).ToList();
        Assert.Equal("Refunds reach your account within 3–5 business days after the merchant confirms the return.", answers[^2]);
        Assert.Equal("Sure – we'll write to max.mustermann@example.org as soon as it's booked.", answers[^1]);
        Assert.Equal(ConversationState.Assistant, conversation.State);
        Assert.Empty(model.Violations);
        Assert.Equal(2, model.Requests.Count);
        var history = FakeOpenAiServer.Messages(model.Requests[1]);
        Assert.Contains(history, m => m.Role == "user" && m.Content == "When do I get my refund?");
        Assert.Contains(history, m => m.Role == "assistant" && m.Content.StartsWith("Refunds reach", StringComparison.Ordinal));
        Assert.Contains("search_help", FakeOpenAiServer.ToolNames(model.Requests[0]));
    }
}
