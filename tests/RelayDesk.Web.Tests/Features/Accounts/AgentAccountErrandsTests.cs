using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Accounts;

public sealed class AgentAccountErrandsTests : IDisposable
{
    private readonly RelayDeskFactory _factory = new();

    [Fact]
    public async Task Agent_SeesTheLinkedCustomersAccount_AndExtendsOnce_AuditedAsTheAgent()
    {
        var login = await _factory.LoginAsync("due-soon");
        var (started, customer) = await _factory.StartAsCustomerAsync(login);
        var agent = await _factory.AgentClientAsync(2);
        await TakeAsync(started.Id, customer, agent);

        var account = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started.Id}/account");
        var purchase = account.GetProperty("schedules").EnumerateArray()
            .Select(s => s.GetProperty("purchase"))
            .First(p => p.GetProperty("plan").GetString() == "pay-in-30" && p.GetProperty("openAmount").GetDecimal() > 0 && p.GetProperty("pausedFor").ValueKind == JsonValueKind.Null)
            .GetProperty("number").GetString();
        var first = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/account/extend-due-date", new { purchaseNumber = purchase, days = 7, idempotencyKey = "agent-1" });
        var retry = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/account/extend-due-date", new { purchaseNumber = purchase, days = 7, idempotencyKey = "agent-1" });
        var again = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/account/extend-due-date", new { purchaseNumber = purchase, days = 2, idempotencyKey = "agent-2" });

        Assert.Equal(login.CustomerNumber, account.GetProperty("balance").GetProperty("customerId").GetString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("extension.already-used", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var scope = _factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.Errand == "extend-due-date").ToListAsync();
        Assert.Equal(["done", "refused"], audit.OrderBy(a => a.Id).Select(a => a.Outcome));
        Assert.All(audit, a => Assert.Equal(("agent", started.Id), (a.ActorKind, a.ConversationId)));
    }

    [Fact]
    public async Task Only_the_agent_the_conversation_is_assigned_to_changes_the_account_and_a_refused_try_changes_nothing()
    {
        var login = await _factory.LoginAsync("due-soon");
        var (started, customer) = await _factory.StartAsCustomerAsync(login);
        var owner = await _factory.AgentClientAsync(1);
        var other = await _factory.AgentClientAsync(2);
        var account = await other.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started.Id}/account");
        var purchase = account.GetProperty("schedules")[0].GetProperty("purchase").GetProperty("number").GetString();

        var beforeTaking = await owner.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/account/resend-invoice", new { purchaseNumber = purchase, idempotencyKey = "r-1" });
        await TakeAsync(started.Id, customer, owner);
        var byTheOther = await other.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/account/resend-invoice", new { purchaseNumber = purchase, idempotencyKey = "r-2" });
        var byTheOwner = await owner.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/account/resend-invoice", new { purchaseNumber = purchase, idempotencyKey = "r-3" });

        Assert.Equal(HttpStatusCode.Forbidden, beforeTaking.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTheOther.StatusCode);
        Assert.Equal("conversation.not_yours", (await byTheOther.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, byTheOwner.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        Assert.Equal(1, await db.EmailOutbox.CountAsync(e => e.CustomerId == login.CustomerNumber));
    }

    private static async Task TakeAsync(Guid conversationId, HttpClient customer, HttpClient agent)
    {
        (await customer.PostAsync($"/api/v1/conversations/{conversationId}/human", null)).EnsureSuccessStatusCode();
        (await agent.PostAsync($"/api/v1/agent/conversations/{conversationId}/accept", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Agent_OnAnAnonymousConversation_HasNoAccount_AndCustomersCannotCallAgentErrands()
    {
        var (anonymous, customer) = await _factory.StartCustomerAsync();
        var agent = await _factory.AgentClientAsync(1);

        var none = await agent.GetAsync($"/api/v1/agent/conversations/{anonymous.Id}/account");
        var asCustomer = await customer.PostAsJsonAsync($"/api/v1/agent/conversations/{anonymous.Id}/account/resend-invoice", new { purchaseNumber = "P-100001-1", idempotencyKey = "x" });

        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.True(asCustomer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Agent_CannotTouchAPurchaseOfAnotherCustomer_ThroughALinkedConversation()
    {
        var login = await _factory.LoginAsync("overdue");
        var (started, customer) = await _factory.StartAsCustomerAsync(login);
        var stranger = await _factory.LoginAsync("financed");
        var strangerAccount = await _factory.ClientFor(stranger.Token).GetFromJsonAsync<JsonElement>("/api/v1/me/purchases");
        var strangersPurchase = strangerAccount.GetProperty("purchases")[0].GetProperty("number").GetString();
        var agent = await _factory.AgentClientAsync(1);
        await TakeAsync(started.Id, customer, agent);

        var response = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/account/mark-return-sent", new { purchaseNumber = strangersPurchase, idempotencyKey = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
