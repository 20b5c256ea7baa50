using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Domain.Accounts.Errands;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Agent;

public sealed class CaseAssistTests : IAsyncDisposable
{
    private readonly RelayDeskFactory _factory = new();

    [Fact]
    public async Task A_German_hardship_case_is_summarised_in_the_customers_words_with_German_suggestions()
    {
        await _factory.ModelsReadyAsync();
        var (started, customer) = await _factory.StartCustomerAsync("de");
        var first = await customer.SendAsync(started.Id, "Hallo, wann ist meine nächste Rate fällig?");
        await _factory.WaitForAsync(started.Id, c => c.LastSeq > first.Seq);
        await customer.SendAsync(started.Id, "Ich habe meinen Job verloren und kann die Rate über 89,90 € nicht bezahlen.");
        await _factory.WaitForAsync(started.Id, c => c.State == ConversationState.Queued);
        var agent = await _factory.AgentClientAsync();

        var assist = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started.Id}/assist");

        var summary = assist.GetProperty("summary");
        Assert.Contains("next_payment", summary.GetProperty("intents").EnumerateArray().Select(i => i.GetString()));
        var quotes = summary.GetProperty("customerSaid").EnumerateArray().Select(q => q.GetProperty("text").GetString()).ToList();
        Assert.Contains(quotes, q => q!.Contains("89,90 €", StringComparison.Ordinal));
        Assert.Equal("hardship", summary.GetProperty("handover").GetProperty("ruleId").GetString());
        Assert.Contains(summary.GetProperty("assistantDid").EnumerateArray(), a => a.GetString()!.StartsWith("answered from help articles", StringComparison.Ordinal));
        Assert.Contains("Handed over:", assist.GetProperty("summaryText").GetString(), StringComparison.Ordinal);

        var replies = assist.GetProperty("suggestedReplies").EnumerateArray().ToList();
        Assert.InRange(replies.Count, 1, 3);
        Assert.Equal("take-over", replies[0].GetProperty("kind").GetString());
        Assert.Contains("die nächste Zahlung", replies[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(replies, r => r.GetProperty("kind").GetString() == "hardship");

        // Suggestions are only suggestions: nothing was sent to the customer.
        var stored = await _factory.LoadAsync(started.Id);
        Assert.DoesNotContain(stored!.Messages, m => m.Author == MessageAuthor.Agent);
    }

    [Fact]
    public async Task Account_errands_run_in_the_conversation_appear_as_account_facts()
    {
        var login = await _factory.LoginAsync("due-soon");
        var (started, customer) = await _factory.StartAsCustomerAsync(login, "en");
        var errands = _factory.Services.GetRequiredService<IAccountErrands>();
        var caller = ErrandCaller.Assistant(login.CustomerNumber, started.Id);
        var next = await errands.GetNextPaymentAsync(caller);
        Assert.True(next.Succeeded, next.Message);
        await errands.ExtendDueDateAsync(caller, next.Value!.PurchaseNumber, 400, "k-1");
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        var agent = await _factory.AgentClientAsync();

        var assist = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started.Id}/assist");

        var facts = assist.GetProperty("summary").GetProperty("accountFacts").EnumerateArray().Select(f => f.GetProperty("text").GetString()!).ToList();
        Assert.Equal(2, facts.Count);
        Assert.StartsWith($"assistant: next-payment {next.Value.PurchaseNumber} — done", facts[0], StringComparison.Ordinal);
        Assert.StartsWith($"assistant: extend-due-date {next.Value.PurchaseNumber} — invalid", facts[1], StringComparison.Ordinal);
        Assert.Contains("Account: assistant: extend-due-date", assist.GetProperty("summaryText").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_briefing_is_for_staff_only()
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var response = await customer.GetAsync($"/api/v1/agent/conversations/{started.Id}/assist");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_conversation_is_a_problem()
    {
        var agent = await _factory.AgentClientAsync();

        var response = await agent.GetAsync($"/api/v1/agent/conversations/{Guid.NewGuid()}/assist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
