using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Agent;

public sealed class AgentFlowTests : IDisposable
{
    private readonly RelayDeskFactory _factory = new();

    [Fact]
    public async Task FullFlow_CustomerAssistantHumanAgentResolve_OverTheHttpApi()
    {
        var (started, customer) = await _factory.StartCustomerAsync();
        var question = await customer.SendAsync(started.Id, "How long does a refund take?");
        await _factory.WaitForAsync(started.Id, c => c.LastSeq > question.Seq);
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        var agent = await _factory.AgentClientAsync(agent: 2);

        var queue = await agent.GetFromJsonAsync<JsonElement>("/api/v1/agent/queue");
        var queued = queue.GetProperty("queue").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == started.Id);
        Assert.Equal(1, queued.GetProperty("position").GetInt32());

        var accepted = await agent.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null);
        accepted.EnsureSuccessStatusCode();
        var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started.Id}");
        var authors = detail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("author").GetString()).ToList();
        Assert.Equal("assigned", detail.GetProperty("state").GetString());
        Assert.Equal(["assistant", "customer", "assistant", "system", "system"], authors);

        var customerView = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{started.Id}");
        Assert.Equal("assigned", customerView.GetProperty("state").GetString());
        Assert.Equal("Ben Wagner", customerView.GetProperty("assignedAgent").GetString());

        var reply = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/messages", new { clientMessageId = "a-1", text = "Hi, I'm Ben. Let me check your refund." });
        reply.EnsureSuccessStatusCode();
        var answer = await customer.SendAsync(started.Id, "Thank you!");
        Assert.True(answer.Seq > 5);

        var seen = await customer.MessagesAsync(started.Id);
        var agentLine = Assert.Single(seen, m => m.Author == "agent");
        Assert.Equal("Ben Wagner", agentLine.AuthorName);

        (await agent.PostAsync($"/api/v1/agent/conversations/{started.Id}/resolve", null)).EnsureSuccessStatusCode();
        customerView = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{started.Id}");
        Assert.Equal("resolved", customerView.GetProperty("state").GetString());
        var stored = await _factory.LoadAsync(started.Id);
        Assert.Equal(ConversationState.Resolved, stored!.State);
        Assert.Equal(Enumerable.Range(1, stored.Messages.Count).Select(i => (long)i), stored.Messages.OrderBy(m => m.Seq).Select(m => m.Seq));
    }

    [Fact]
    public async Task TwoAgentsAcceptingAtOnce_OnlyOneGetsTheConversation()
    {
        var (started, customer) = await _factory.StartCustomerAsync();
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        var first = await _factory.AgentClientAsync(1);
        var second = await _factory.AgentClientAsync(2);

        var responses = await Task.WhenAll(
            first.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null),
            second.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var stored = await _factory.LoadAsync(started.Id);
        Assert.Single(stored!.Messages, m => m.Author == MessageAuthor.System && m.Text.Contains("joined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAgentWhoDidNotAccept_CannotWriteOrResolve()
    {
        var (started, customer) = await _factory.StartCustomerAsync();
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        var owner = await _factory.AgentClientAsync(1);
        var other = await _factory.AgentClientAsync(3);
        (await owner.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null)).EnsureSuccessStatusCode();

        var write = await other.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/messages", new { clientMessageId = "x", text = "hi" });
        var resolve = await other.PostAsync($"/api/v1/agent/conversations/{started.Id}/resolve", null);

        Assert.Equal(HttpStatusCode.Conflict, write.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, resolve.StatusCode);
        Assert.Equal(ConversationState.Assigned, (await _factory.LoadAsync(started.Id))!.State);
    }

    [Theory]
    [InlineData("GET", "/api/v1/agent/queue")]
    [InlineData("GET", "/api/v1/agent/conversations/{id}")]
    [InlineData("POST", "/api/v1/agent/conversations/{id}/accept")]
    [InlineData("POST", "/api/v1/agent/conversations/{id}/resolve")]
    public async Task AgentEndpoints_WithoutSigningIn_AreUnauthorizedProblems(string method, string path)
    {
        var (started, customer) = await _factory.StartCustomerAsync();
        var url = path.Replace("{id}", started.Id.ToString(), StringComparison.Ordinal);

        var anonymous = await _factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var asCustomer = await customer.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, asCustomer.StatusCode);
        Assert.Equal(ConversationState.Assistant, (await _factory.LoadAsync(started.Id))!.State);
    }

    [Fact]
    public async Task Login_WithAWrongPassword_IsRefused()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = "agent1@demo.local", password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Register_IsNotOpenToThepublic()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "intruder@example.com", password = "Intruder-123!" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AcceptingAnUnknownConversation_IsNotFound()
    {
        var agent = await _factory.AgentClientAsync();

        var response = await agent.PostAsync($"/api/v1/agent/conversations/{Guid.NewGuid()}/accept", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AgentMessage_RetriedWithTheSameClientId_IsStoredOnce()
    {
        var (started, customer) = await _factory.StartCustomerAsync();
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        var agent = await _factory.AgentClientAsync();
        (await agent.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null)).EnsureSuccessStatusCode();

        var first = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/messages", new { clientMessageId = "same", text = "Hello" });
        var retry = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/messages", new { clientMessageId = "same", text = "Hello" });

        Assert.False((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        Assert.True((await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        Assert.Single((await _factory.LoadAsync(started.Id))!.Messages, m => m.Author == MessageAuthor.Agent);
    }

    public void Dispose() => _factory.Dispose();
}
