using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using RelayDesk.Assistant;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.RateLimiting;

/// <summary>
/// Abuse protection through the real pipeline, with limits set low for the test. The limiters keep their own clock,
/// so the tests prove refusals and the <c>Retry-After</c> they announce, never the refill.
/// </summary>
public sealed class RateLimitTests
{
    private static RelayDeskFactory DeskWithLimit(string rule, int permits, string window = "00:10:00") => new()
    {
        // An assistant that always answers, so no message of a test hands the chat over by itself (two misses would).
        Assistant = new AnsweringAssistant(),
        Settings = new Dictionary<string, string?>
        {
            [$"RateLimits:{rule}:PermitLimit"] = permits.ToString(CultureInfo.InvariantCulture),
            [$"RateLimits:{rule}:Window"] = window,
        },
    };

    [Fact]
    public async Task StartingMoreConversationsThanTheLimitFromOneAddress_Is429WithRetryAfter_InTheBrowsersLanguage()
    {
        using var factory = DeskWithLimit("ConversationStarts", 2);
        var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/v1/conversations", new { language = "de" })).StatusCode);
        }

        var refused = await anonymous.PostAsJsonAsync("/api/v1/conversations", new { language = "de" });

        var problem = await AssertTooManyAsync(refused, maxRetryAfterSeconds: 600);
        Assert.StartsWith("Zu viele Anfragen in kurzer Zeit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingMoreMessagesThanTheLimitPerConversation_Is429_AndTheRefusedMessageIsNotStored()
    {
        using var factory = DeskWithLimit("ConversationWrites", 2);
        var (started, customer) = await factory.StartCustomerAsync();
        var first = await customer.SendAsync(started.Id, "first message");
        var second = await customer.SendAsync(started.Id, "second message");

        var refused = await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/messages", new { clientMessageId = "third", text = "third message" });

        var problem = await AssertTooManyAsync(refused, maxRetryAfterSeconds: 600);
        Assert.StartsWith("Too many requests in a short time", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var texts = (await factory.LoadAsync(started.Id))!.Messages.Where(m => m.Author == MessageAuthor.Customer).Select(m => m.Text);
        Assert.Equal(["first message", "second message"], texts);
        Assert.True(second.Seq > first.Seq);
        await AssertTooManyAsync(await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null), maxRetryAfterSeconds: 600);
        Assert.Equal(ConversationState.Assistant, (await factory.LoadAsync(started.Id))!.State);

        // The limit is per conversation token: another customer writes as usual, and reading is not limited.
        var (other, otherCustomer) = await factory.StartCustomerAsync();
        await otherCustomer.SendAsync(other.Id, "hello");
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync($"/api/v1/conversations/{started.Id}")).StatusCode);
    }

    [Fact]
    public async Task AGermanConversationOverItsLimit_IsToldSoInGerman()
    {
        using var factory = DeskWithLimit("ConversationWrites", 1);
        var (started, customer) = await factory.StartCustomerAsync("de");
        await customer.SendAsync(started.Id, "Hallo");

        var refused = await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/messages", new { clientMessageId = "zwei", text = "Noch mal" });

        var problem = await AssertTooManyAsync(refused, maxRetryAfterSeconds: 600);
        Assert.StartsWith("Zu viele Anfragen in kurzer Zeit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssuingMoreDemoTokensThanTheLimit_Is429WithRetryAfter()
    {
        using var factory = DeskWithLimit("DemoTokens", 1);
        var anonymous = factory.CreateClient();
        var number = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/demo/customers?state=overdue")).GetProperty("customers")[0].GetProperty("customerNumber").GetString();
        (await anonymous.PostAsJsonAsync("/api/v1/demo/customer-token", new { customerNumber = number })).EnsureSuccessStatusCode();

        await AssertTooManyAsync(await anonymous.PostAsJsonAsync("/api/v1/demo/customer-token", new { customerNumber = number }), maxRetryAfterSeconds: 600);
    }

    [Fact]
    public async Task StaffOverTheirLimit_Get429_WhileOtherStaffAreNotSlowedDown()
    {
        using var factory = DeskWithLimit("Staff", 3);
        var anna = await factory.AgentClientAsync(1);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/api/v1/agent/queue")).StatusCode);
        }

        await AssertTooManyAsync(await anna.GetAsync("/api/v1/agent/queue"), maxRetryAfterSeconds: 600);
        var ben = await factory.AgentClientAsync(2);
        Assert.Equal(HttpStatusCode.OK, (await ben.GetAsync("/api/v1/agent/queue")).StatusCode);
    }

    [Fact]
    public async Task SendingTooQuicklyOverTheHub_IsAReadableError_AndOnlyTheAcceptedMessagesAreStored()
    {
        using var factory = DeskWithLimit("HubMessages", 2);
        var (started, _) = await factory.StartCustomerAsync();
        await using var hub = factory.Hub("/hubs/customer", started.Token);
        await hub.StartAsync();
        await hub.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), 0L);
        await hub.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "h-1", "one");
        await hub.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "h-2", "two");

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "h-3", "three"));

        Assert.EndsWith("You are sending messages too quickly — please wait a moment.", refused.Message, StringComparison.Ordinal);
        var texts = (await factory.LoadAsync(started.Id))!.Messages.Where(m => m.Author == MessageAuthor.Customer).Select(m => m.Text);
        Assert.Equal(["one", "two"], texts);

        // Joining again (what a reconnecting widget does) is not counted, and the connection stays usable.
        var joined = await hub.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), 0L);
        Assert.Equal(started.Id, joined.Conversation.Id);
    }

    [Fact]
    public async Task AGermanCustomerSendingTooQuicklyOverTheHub_ReadsItInGerman()
    {
        using var factory = DeskWithLimit("HubMessages", 1);
        var (started, _) = await factory.StartCustomerAsync("de");
        await using var hub = factory.Hub("/hubs/customer", started.Token);
        await hub.StartAsync();
        await hub.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "h-1", "Hallo");

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ConversationView>(nameof(CustomerHub.RequestHuman)));

        Assert.EndsWith("Sie senden Nachrichten zu schnell – bitte warten Sie einen Moment.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ConversationState.Assistant, (await factory.LoadAsync(started.Id))!.State);
    }

    [Fact]
    public async Task AMessageOverTheTextLimit_IsRefusedOnHttpAndHub_AndAHugeHubMessageClosesTheConnection_NothingStored()
    {
        using var factory = new RelayDeskFactory();
        var (started, customer) = await factory.StartCustomerAsync();
        var tooLong = new string('x', Message.MaxTextLength + 1);

        var overHttp = await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/messages", new { clientMessageId = "long", text = tooLong });
        Assert.Equal(HttpStatusCode.BadRequest, overHttp.StatusCode);
        Assert.Contains("longer than 4000", (await overHttp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await using var hub = factory.Hub("/hubs/customer", started.Token);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += exception =>
        {
            closed.TrySetResult(exception);
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        var overHub = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "long", tooLong));
        Assert.Contains("longer than 4000", overHub.Message, StringComparison.Ordinal);

        // Far beyond the hub's message size (32 KB by default): the server drops the connection before reading it.
        await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), "huge", new string('y', 40_000)));
        await closed.Task.WaitAsync(TestTimeouts.Event);

        Assert.DoesNotContain((await factory.LoadAsync(started.Id))!.Messages, m => m.Author == MessageAuthor.Customer);
    }

    [Fact]
    public async Task ARequestBodyOverTheCustomerLimit_IsRefusedWith413()
    {
        using var factory = new RelayDeskFactory();
        var (started, customer) = await factory.StartCustomerAsync();
        var body = new StringContent($$"""{"clientMessageId":"big","text":"{{new string('z', 70_000)}}"}""", Encoding.UTF8, "application/json");

        var response = await customer.PostAsync($"/api/v1/conversations/{started.Id}/messages", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too_large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.DoesNotContain((await factory.LoadAsync(started.Id))!.Messages, m => m.Author == MessageAuthor.Customer);
    }

    private static async Task<JsonElement> AssertTooManyAsync(HttpResponseMessage response, int maxRetryAfterSeconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, maxRetryAfterSeconds);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal((int)retryAfter.Value.TotalSeconds, problem.GetProperty("retryAfterSeconds").GetInt32());
        return problem;
    }

    private sealed class AnsweringAssistant : IAssistant
    {
        public string Greeting(string language) => "Hello";

        public Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken) =>
            Task.FromResult(new AssistantReply("Happy to help.", TurnSignals.None));
    }
}
