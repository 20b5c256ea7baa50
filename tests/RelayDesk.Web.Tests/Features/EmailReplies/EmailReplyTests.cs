using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;
using RelayDesk.Data.Accounts;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Infrastructure;
using RelayDesk.Web.Tests.Routing;

namespace RelayDesk.Web.Tests.Features.EmailReplies;

/// <summary>"Keep my place and reply by e-mail": the customer's choice, and the agent's replies in the e-mail outbox.</summary>
public sealed class EmailReplyTests : IDisposable
{
    private readonly RelayDeskFactory _factory = new() { Clock = RoutingProbe.Clock() };

    [Theory]
    [InlineData("not-an-address", "email.invalid")]
    [InlineData("max@@example.de", "email.invalid")]
    [InlineData("max mustermann@example.de", "email.invalid")]
    [InlineData("max@example", "email.invalid")]
    [InlineData("", "email.missing")]
    public async Task ABadAddress_IsRefusedWithProblemDetails_AndNothingIsStored(string email, string code)
    {
        var (id, customer) = await _factory.RequestHumanWithClientAsync();

        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{id}/email-reply", new { email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Null((await LoadAsync(id)).EmailReplyTo);
    }

    [Fact]
    public async Task OnlyWhileWaitingForAPerson_AndOnlyForTheOwnConversation()
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var early = await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/email-reply", new { email = "max@example.de" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("conversation.not_queued", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var (other, _) = await _factory.RequestHumanWithClientAsync();
        var foreign = await customer.PostAsJsonAsync($"/api/v1/conversations/{other}/email-reply", new { email = "max@example.de" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await _factory.CreateClient().PostAsJsonAsync($"/api/v1/conversations/{other}/email-reply", new { email = "max@example.de" })).StatusCode);
    }

    [Fact]
    public async Task OptingIn_StoresTheAddressOnce_AndTheViewShowsItMasked()
    {
        var (id, customer) = await _factory.RequestHumanWithClientAsync();

        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{id}/email-reply", new { email = " Max.Mustermann@Example.DE " });
        response.EnsureSuccessStatusCode();
        var again = await customer.PostAsJsonAsync($"/api/v1/conversations/{id}/email-reply", new { email = "Max.Mustermann@example.de" });
        again.EnsureSuccessStatusCode();

        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", view.GetProperty("state").GetString());
        Assert.Equal(1, view.GetProperty("queuePosition").GetInt32());
        Assert.Equal("M***@example.de", view.GetProperty("emailReply").GetProperty("to").GetString());
        Assert.Equal("M***@example.de", (await customer.ViewAsync(id)).GetProperty("emailReply").GetProperty("to").GetString());
        var stored = await LoadAsync(id);
        Assert.Equal("Max.Mustermann@example.de", stored.EmailReplyTo);
        Assert.Single(stored.Messages, m => m.Author == MessageAuthor.System && m.Text.Contains("e-mail our team's replies to M***@example.de", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASignedInCustomer_MayLeaveTheAddressOut_TheAccountsAddressIsUsed()
    {
        var login = await _factory.LoginAsync("due-soon");
        var (started, customer) = await _factory.StartAsCustomerAsync(login);
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();

        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/email-reply", new { });

        response.EnsureSuccessStatusCode();
        var conversation = await LoadAsync(started.Id);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        var account = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == conversation.CustomerId);
        Assert.Equal(account.Email, conversation.EmailReplyTo);
    }

    [Fact]
    public async Task AnAgentsMessage_IsQueuedAsExactlyOneMail_InTheCustomersLanguage()
    {
        var (id, customer) = await _factory.RequestHumanWithClientAsync("de");
        (await customer.PostAsJsonAsync($"/api/v1/conversations/{id}/email-reply", new { email = "erika@example.de" })).EnsureSuccessStatusCode();
        var agent = await _factory.AgentClientAsync(1);
        (await agent.PostAsync($"/api/v1/agent/conversations/{id}/accept", null)).EnsureSuccessStatusCode();

        var ack = await SendAsAgentAsync(agent, id, "Ihre Rate ist verschoben.", "reply-1");
        var retried = await SendAsAgentAsync(agent, id, "Ihre Rate ist verschoben.", "reply-1");

        Assert.Equal("e***@example.de", ack.EmailedTo);
        Assert.True(retried.Duplicate);
        Assert.Equal("e***@example.de", retried.EmailedTo);
        var mail = Assert.Single(await OutboxAsync(id));
        Assert.Equal("erika@example.de", mail.To);
        Assert.Equal(ack.Seq, mail.MessageSeq);
        Assert.Equal("Neue Antwort auf Ihre Anfrage", mail.Subject);
        Assert.Contains("Ihre Rate ist verschoben.", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"?conversation={id:N}", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Zurück zum Chat", mail.Body, StringComparison.Ordinal);
        Assert.Null(mail.SentAt);

        var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{id}");
        Assert.Equal("e***@example.de", detail.GetProperty("emailReply").GetProperty("to").GetString());
        Assert.Equal("e***@example.de", (await customer.ViewAsync(id)).GetProperty("emailReply").GetProperty("to").GetString());

        await SendAsAgentAsync(agent, id, "Noch etwas?", "reply-2");
        Assert.Equal(2, (await OutboxAsync(id)).Count);
    }

    [Fact]
    public async Task AnEnglishCustomer_GetsTheMailInEnglish()
    {
        var (id, customer) = await _factory.RequestHumanWithClientAsync("en");
        (await customer.PostAsJsonAsync($"/api/v1/conversations/{id}/email-reply", new { email = "sam@example.co.uk" })).EnsureSuccessStatusCode();
        var agent = await _factory.AgentClientAsync(2);
        (await agent.PostAsync($"/api/v1/agent/conversations/{id}/accept", null)).EnsureSuccessStatusCode();

        await SendAsAgentAsync(agent, id, "Your instalment is moved.", "en-1");

        var mail = Assert.Single(await OutboxAsync(id));
        Assert.Equal("A new reply to your request", mail.Subject);
        Assert.Contains("replied to you in the chat", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Your instalment is moved.", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheChoice_NoMailIsQueued()
    {
        var (id, _) = await _factory.RequestHumanWithClientAsync();
        var agent = await _factory.AgentClientAsync(1);
        (await agent.PostAsync($"/api/v1/agent/conversations/{id}/accept", null)).EnsureSuccessStatusCode();

        var ack = await SendAsAgentAsync(agent, id, "Hello, how can I help?", "no-mail");

        Assert.Null(ack.EmailedTo);
        Assert.Empty(await OutboxAsync(id));
        var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{id}");
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("emailReply").ValueKind);
    }

    [Fact]
    public async Task ACustomerWhoIsInTheChat_ReadsTheReplyThere_AndGetsNoMail()
    {
        var (started, customer) = await _factory.StartCustomerAsync();
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        (await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/email-reply", new { email = "max@example.de" })).EnsureSuccessStatusCode();
        await using var hub = _factory.Hub("/hubs/customer", started.Token);
        await hub.StartAsync();
        await hub.InvokeAsync<CustomerHub.JoinResult>("Join", 0L);
        var agent = await _factory.AgentClientAsync(1);
        (await agent.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null)).EnsureSuccessStatusCode();

        var ack = await SendAsAgentAsync(agent, started.Id, "I'm here now.", "live");

        Assert.Null(ack.EmailedTo);
        Assert.Empty(await OutboxAsync(started.Id));
    }

    private static async Task<MessageAck> SendAsAgentAsync(HttpClient agent, Guid id, string text, string clientMessageId)
    {
        var response = await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{id}/messages", new { clientMessageId, text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessageAck>())!;
    }

    private async Task<List<OutboundEmail>> OutboxAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        return await db.EmailOutbox.AsNoTracking().Where(e => e.ConversationId == id).OrderBy(e => e.MessageSeq).ToListAsync();
    }

    private async Task<Conversation> LoadAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        return await db.Conversations.AsNoTracking().Include(c => c.Messages).SingleAsync(c => c.Id == id);
    }

    public void Dispose() => _factory.Dispose();
}
