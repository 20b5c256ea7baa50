using System.Net.Http.Json;
using System.Text.Json;
using RelayDesk.Assistant.Tests.Llm;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Agent;

/// <summary>With a configured model, the agent's briefing is model-written from redacted text; otherwise (or on failure) embedded.</summary>
public sealed class LlmCaseBriefingTests
{
    [Fact]
    public async Task The_model_writes_the_briefing_from_redacted_text_and_the_agent_sees_the_real_values()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Forbidden = ["erika.muster@example.org"];
        model
            .Then(new FakeReply.Answer("Refunds reach your account within 3–5 business days after the merchant confirms the return."))
            .Then(request =>
            {
                var email = FakeOpenAiServer.PlaceholderIn(request, "EMAIL");
                return new FakeReply.Answer($$"""{"summary": "The customer waits for a refund and wants a person; contact at {{email}}.", "replies": ["Hi, I'm looking into your refund now."]}""");
            });
        using var factory = Factory(model);
        var started = await HandOverAsync(factory, "When do I get my refund? You can write to erika.muster@example.org");
        var agent = await factory.AgentClientAsync();

        var assist = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started}/assist");

        Assert.Equal("llm", assist.GetProperty("source").GetString());
        Assert.Equal("The customer waits for a refund and wants a person; contact at erika.muster@example.org.", assist.GetProperty("summaryText").GetString());
        var reply = Assert.Single(assist.GetProperty("suggestedReplies").EnumerateArray());
        Assert.Equal("Hi, I'm looking into your refund now.", reply.GetProperty("text").GetString());
        Assert.Empty(model.Violations);
        Assert.Contains("Transcript:", FakeOpenAiServer.Messages(model.Requests[^1])[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_answer_that_is_not_the_asked_JSON_falls_back_to_the_embedded_briefing()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model
            .Then(new FakeReply.Answer("Refunds reach your account within 3–5 business days after the merchant confirms the return."))
            .Then(new FakeReply.Answer("Sure! Here is a summary: the customer wants a refund."));
        using var factory = Factory(model);
        var started = await HandOverAsync(factory, "When do I get my refund?");
        var agent = await factory.AgentClientAsync();

        var assist = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started}/assist");

        Assert.Equal("embedded", assist.GetProperty("source").GetString());
        Assert.StartsWith("Errand:", assist.GetProperty("summaryText").GetString(), StringComparison.Ordinal);
        Assert.Equal("take-over", assist.GetProperty("suggestedReplies")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Refreshing_the_briefing_does_not_ask_the_model_again_but_a_new_customer_message_does_once()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model
            .Then(new FakeReply.Answer("Refunds reach your account within 3–5 business days after the merchant confirms the return."))
            .Then(new FakeReply.Answer("""{"summary": "The customer waits for a refund.", "replies": []}"""))
            .Then(new FakeReply.Answer("""{"summary": "The customer waits for a refund and is getting impatient.", "replies": []}"""));
        using var factory = Factory(model);
        var (started, customer) = await HandOverWithClientAsync(factory, "When do I get my refund?");
        var agent = await factory.AgentClientAsync();

        var first = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started}/assist");
        var refreshed = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started}/assist");
        Assert.Equal(2, model.Requests.Count);
        await customer.SendAsync(started, "Hello? It has been three weeks.");
        var afterMessage = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started}/assist");
        var refreshedAgain = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started}/assist");

        Assert.Equal("The customer waits for a refund.", first.GetProperty("summaryText").GetString());
        Assert.Equal(first.GetProperty("summaryText").GetString(), refreshed.GetProperty("summaryText").GetString());
        Assert.Equal("The customer waits for a refund and is getting impatient.", afterMessage.GetProperty("summaryText").GetString());
        Assert.Equal(afterMessage.GetProperty("summaryText").GetString(), refreshedAgain.GetProperty("summaryText").GetString());
        Assert.Equal(3, model.Requests.Count);
        Assert.Empty(model.Violations);
    }

    private static RelayDeskFactory Factory(FakeOpenAiServer model) => new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Assistant:Provider"] = "OpenAI",
            ["Assistant:OpenAI:Endpoint"] = model.Endpoint.ToString(),
            ["Assistant:OpenAI:Model"] = "fake-model",
        },
    };

    private static async Task<Guid> HandOverAsync(RelayDeskFactory factory, string text) => (await HandOverWithClientAsync(factory, text)).Id;

    private static async Task<(Guid Id, HttpClient Customer)> HandOverWithClientAsync(RelayDeskFactory factory, string text)
    {
        var (started, customer) = await factory.StartCustomerAsync();
        var ack = await customer.SendAsync(started.Id, text);
        await factory.WaitForAsync(started.Id, c => c.LastSeq > ack.Seq);
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        await factory.WaitForAsync(started.Id, c => c.State == ConversationState.Queued);
        return (started.Id, customer);
    }
}
