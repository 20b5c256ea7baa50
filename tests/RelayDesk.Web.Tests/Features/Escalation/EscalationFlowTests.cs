using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Escalation;

public sealed class EscalationFlowTests : IAsyncDisposable
{
    private readonly RelayDeskFactory _factory = new();

    [Fact]
    public async Task AGermanHardshipMessageOverTheHub_IsEscalatedWithPriorityAndSkill_AndTheAgentSeesWhy()
    {
        var (ordinary, ordinaryClient) = await _factory.StartCustomerAsync("de");
        (await ordinaryClient.PostAsync($"/api/v1/conversations/{ordinary.Id}/human", null)).EnsureSuccessStatusCode();
        var (started, _) = await _factory.StartCustomerAsync("de");
        await using var customer = _factory.Hub("/hubs/customer", started.Token);
        await customer.StartAsync().WaitAsync(TestTimeouts.Event);
        await customer.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), 0L);

        await customer.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "h-1",
            "Ich habe meinen Job verloren und kann die nächste Rate nicht bezahlen. Was kann ich tun?");

        var conversation = await _factory.WaitForAsync(started.Id, c => c.State == ConversationState.Queued);
        Assert.Equal("hardship", conversation.EscalationRuleId);
        Assert.Equal(EscalationPriority.Urgent, conversation.EscalationPriority);
        Assert.Contains("hardship", conversation.Escalation!.Skills);

        var agent = await _factory.AgentClientAsync();
        var queue = await agent.GetFromJsonAsync<JsonElement>("/api/v1/agent/queue");
        var first = queue.GetProperty("queue")[0];
        Assert.Equal(started.Id, first.GetProperty("id").GetGuid());
        var escalation = first.GetProperty("escalation");
        Assert.Equal("hardship", escalation.GetProperty("ruleId").GetString());
        Assert.Equal("urgent", escalation.GetProperty("priority").GetString());
        Assert.Equal("hardship", escalation.GetProperty("skills")[0].GetString());
        Assert.Contains("nächste Rate nicht bezahlen", escalation.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(escalation.GetProperty("reason").GetString()));

        var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started.Id}");
        Assert.Equal("hardship", detail.GetProperty("escalation").GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task TheButton_IsRecordedAsTheReason()
    {
        var (started, customer) = await _factory.StartCustomerAsync();
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        var agent = await _factory.AgentClientAsync();

        var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started.Id}");

        var escalation = detail.GetProperty("escalation");
        Assert.Equal("button", escalation.GetProperty("ruleId").GetString());
        Assert.Equal("normal", escalation.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task TwoMessagesTheAssistantDoesNotUnderstand_HandTheConversationOver()
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var first = await customer.SendAsync(started.Id, "what's the weather in Hamburg tomorrow");
        await _factory.WaitForAsync(started.Id, c => c.LastSeq > first.Seq);
        await customer.SendAsync(started.Id, "who won the football match yesterday");

        var conversation = await _factory.WaitForAsync(started.Id, c => c.State == ConversationState.Queued);
        Assert.Equal("assistant-failure", conversation.EscalationRuleId);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
