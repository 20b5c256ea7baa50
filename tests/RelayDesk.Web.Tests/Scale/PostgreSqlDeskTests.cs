using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Routing;
using RelayDesk.Web.Tests.Infrastructure;
using RelayDesk.Web.Tests.Routing;

namespace RelayDesk.Web.Tests.Scale;

/// <summary>The main paths of the desk on PostgreSQL (<c>Database:Provider=PostgreSQL</c>), each app on a database of its own.</summary>
public sealed class PostgreSqlDeskTests : IDisposable
{
    private readonly RelayDeskFactory _factory = new() { Database = TestDatabase.PostgreSql };

    [Fact]
    public async Task TheDemo_IsSeededOnFirstStart_IntoTheMigratedDatabase()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();

        Assert.IsType<PostgreSqlRelayDeskDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(9, await db.Users.CountAsync());
        Assert.Equal(24, await db.Customers.CountAsync());
        Assert.True(await db.Purchases.AnyAsync());
        Assert.True(await db.RoutingTeams.AnyAsync(t => t.Id == AgentRoutingState.DefaultTeamId));
        var login = await _factory.LoginAsync("due-soon");
        Assert.False(string.IsNullOrEmpty(login.Token));
    }

    [Fact]
    public async Task CustomerMessages_ArePersistedOnce_PerClientId()
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var first = await customer.SendAsync(started.Id, "When is my next payment due?", "client-1");
        var retry = await customer.SendAsync(started.Id, "When is my next payment due?", "client-1");
        var second = await customer.SendAsync(started.Id, "And how much is it?", "client-2");

        Assert.Equal(first.Seq, retry.Seq);
        Assert.True(retry.Duplicate);
        Assert.True(second.Seq > first.Seq);
        var stored = await _factory.LoadAsync(started.Id);
        Assert.Single(stored!.Messages, m => m.ClientMessageId == "client-1");
        Assert.Equal("When is my next payment due?", stored.Messages.Single(m => m.Seq == first.Seq).Text);
        Assert.Equal(stored.Messages.Count, stored.Messages.Select(m => m.Seq).Distinct().Count());
    }

    [Fact]
    public async Task ARequestForAPerson_IsOfferedOverTheHub_Accepted_AndAnsweredByTheAgent()
    {
        var agent = await _factory.AgentClientAsync(2);
        var agentId = await _factory.AgentIdAsync(2);
        var hub = _factory.Hub("/hubs/agent", await _factory.AgentTokenAsync(2));
        var offered = new TaskCompletionSource<OfferView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<OfferView>("offered", offer => offered.TrySetResult(offer));
        await hub.StartAsync();
        await agent.SetPresenceAsync("online");
        var (id, customer) = await _factory.RequestHumanWithClientAsync();

        var offer = await offered.Task.WaitAsync(TestTimeouts.Event);
        (await agent.PostAsync($"/api/v1/agent/offers/{offer.Id}/accept", null)).EnsureSuccessStatusCode();
        var reply = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{id}/messages", new { clientMessageId = "agent-1", text = "Hi, Ben here." });
        reply.EnsureSuccessStatusCode();

        Assert.Equal(id, offer.ConversationId);
        var conversation = await _factory.WaitForAsync(id, c => c.Messages.Any(m => m.Author == MessageAuthor.Agent));
        Assert.Equal(ConversationState.Assigned, conversation.State);
        Assert.Equal(agentId, conversation.AssignedAgentId);
        Assert.Contains(await customer.MessagesAsync(id), m => m.Text == "Hi, Ben here.");
        var offers = await _factory.WaitForOffersAsync(id, o => o.All(x => x.Outcome != OfferOutcome.Pending));
        Assert.Equal(OfferOutcome.Accepted, Assert.Single(offers).Outcome);

        // The lost workspace connection is noted in the database (a bulk update), for routing's grace period.
        await hub.DisposeAsync();
        await _factory.WaitForAsync(db => db.AgentRouting.AsNoTracking().SingleAsync(a => a.AgentId == agentId), a => a.DisconnectedAt is not null);
    }

    [Fact]
    public async Task AnAgentExtendsADueDate_Once_AndItIsAudited()
    {
        var login = await _factory.LoginAsync("due-soon");
        var (started, customer) = await _factory.StartAsCustomerAsync(login);
        var agent = await _factory.AgentClientAsync(2);
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        (await agent.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null)).EnsureSuccessStatusCode();
        var account = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{started.Id}/account");
        var purchase = account.GetProperty("schedules").EnumerateArray()
            .Select(s => s.GetProperty("purchase"))
            .First(p => p.GetProperty("plan").GetString() == "pay-in-30" && p.GetProperty("openAmount").GetDecimal() > 0 && p.GetProperty("pausedFor").ValueKind == JsonValueKind.Null)
            .GetProperty("number").GetString();

        var url = $"/api/v1/agent/conversations/{started.Id}/account/extend-due-date";
        var first = await agent.PostAsJsonAsync(url, new { purchaseNumber = purchase, days = 7, idempotencyKey = "agent-1" });
        var retry = await agent.PostAsJsonAsync(url, new { purchaseNumber = purchase, days = 7, idempotencyKey = "agent-1" });
        var again = await agent.PostAsJsonAsync(url, new { purchaseNumber = purchase, days = 2, idempotencyKey = "agent-2" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        var audit = await db.AuditRecords.AsNoTracking().Where(a => a.Errand == "extend-due-date").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["done", "refused"], audit.Select(a => a.Outcome));
        Assert.All(audit, a => Assert.Equal(("agent", started.Id), (a.ActorKind, a.ConversationId)));
        Assert.Equal(TimeSpan.Zero, audit[0].At.Offset);
    }

    [Fact]
    public async Task AfterARestart_OnTheSameDatabase_TheQueueIsIntact()
    {
        Guid urgent, normal;
        string folder;
        await using (var before = new RelayDeskFactory { Database = TestDatabase.PostgreSql, KeepData = true })
        {
            folder = before.Folder;
            normal = await before.RequestHumanAsync();
            var (started, customer) = await before.StartCustomerAsync();
            await customer.SendAsync(started.Id, "I lost my job and cannot pay my instalments", "hardship-1");
            urgent = started.Id;
            await before.WaitForAsync(urgent, c => c.State == ConversationState.Queued);
        }

        await using var after = new RelayDeskFactory(folder) { Database = TestDatabase.PostgreSql };
        var supervisor = await after.StaffClientAsync("supervisor@demo.local");
        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/agent/queue");

        Assert.Equal([urgent, normal], queue.GetProperty("queue").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var reloaded = await after.LoadAsync(urgent);
        Assert.Single(reloaded!.Messages, m => m.ClientMessageId == "hardship-1");
        Assert.Equal(ConversationState.Queued, reloaded.State);
    }

    [Fact]
    public void PostgreSqlWithoutAConnectionString_StopsTheStart_WithWhatIsMissing()
    {
        using var factory = new RelayDeskFactory { Settings = new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL" } };

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("ConnectionStrings:RelayDesk", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
