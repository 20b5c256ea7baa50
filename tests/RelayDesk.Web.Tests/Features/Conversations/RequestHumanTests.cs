using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Conversations;

public sealed class RequestHumanTests
{
    [Fact]
    public async Task PressingTheButton_QueuesTheConversationWithItsPlace()
    {
        using var factory = new RelayDeskFactory();
        var (first, firstClient) = await factory.StartCustomerAsync();
        var (second, secondClient) = await factory.StartCustomerAsync();

        var firstView = await PressAsync(firstClient, first.Id);
        var secondView = await PressAsync(secondClient, second.Id);

        Assert.Equal("queued", firstView.GetProperty("state").GetString());
        Assert.Equal(1, firstView.GetProperty("queuePosition").GetInt32());
        Assert.Equal(2, secondView.GetProperty("queuePosition").GetInt32());
        var stored = await factory.LoadAsync(first.Id);
        Assert.Equal(ConversationState.Queued, stored!.State);
        Assert.NotNull(stored.HumanRequestedAt);
    }

    [Fact]
    public async Task PressingTheButtonTwice_KeepsThePlaceInTheQueue()
    {
        using var factory = new RelayDeskFactory();
        var (started, customer) = await factory.StartCustomerAsync();

        await PressAsync(customer, started.Id);
        var again = await PressAsync(customer, started.Id);

        Assert.Equal("queued", again.GetProperty("state").GetString());
        Assert.Equal(1, again.GetProperty("queuePosition").GetInt32());
    }

    [Theory]
    [InlineData("en", "I want to talk to a real person")]
    [InlineData("en", "agent please")]
    [InlineData("de", "Ich möchte mit einem Mitarbeiter sprechen")]
    [InlineData("de", "Mensch bitte!")]
    public async Task WritingThatYouWantAPerson_QueuesTheConversation(string language, string text)
    {
        using var factory = new RelayDeskFactory();
        var (started, customer) = await factory.StartCustomerAsync(language);

        await customer.SendAsync(started.Id, text);

        var conversation = await factory.WaitForAsync(started.Id, c => c.State == ConversationState.Queued);
        Assert.Equal("explicit-request", conversation.EscalationRuleId);
        Assert.Equal(MessageAuthor.System, conversation.Messages.MaxBy(m => m.Seq)!.Author);
    }

    [Fact]
    public async Task WhenTheAssistantThrows_AWrittenRequestForAPersonIsStillHonoured()
    {
        using var factory = new RelayDeskFactory { Assistant = new ThrowingAssistant() };
        var (started, customer) = await factory.StartCustomerAsync();

        await customer.SendAsync(started.Id, "I want to talk to a human");

        var conversation = await factory.WaitForAsync(started.Id, c => c.State != ConversationState.Assistant);
        Assert.Equal(ConversationState.Queued, conversation.State);
    }

    [Fact]
    public async Task WhenTheAssistantThrows_AnOrdinaryQuestionGoesToAPerson()
    {
        using var factory = new RelayDeskFactory { Assistant = new ThrowingAssistant() };
        var (started, customer) = await factory.StartCustomerAsync();

        await customer.SendAsync(started.Id, "When is my next payment?");

        var conversation = await factory.WaitForAsync(started.Id, c => c.State != ConversationState.Assistant);
        Assert.Equal(ConversationState.Queued, conversation.State);
        Assert.Equal("assistant-failure", conversation.EscalationRuleId);
        Assert.Equal("The assistant failed.", conversation.EscalationEvidence);
    }

    [Fact]
    public async Task WhenTheAssistantHangs_TheCustomerIsHandedToAPersonAfterTheTimeout()
    {
        using var factory = new RelayDeskFactory { Assistant = new HangingAssistant(), AssistantTimeout = TimeSpan.FromMilliseconds(300) };
        var (started, customer) = await factory.StartCustomerAsync();

        await customer.SendAsync(started.Id, "Where is my refund?");

        var conversation = await factory.WaitForAsync(started.Id, c => c.State != ConversationState.Assistant);
        Assert.Equal(ConversationState.Queued, conversation.State);
        Assert.Equal("The assistant timed out.", conversation.EscalationEvidence);
    }

    [Fact]
    public async Task WhenTheAssistantThrows_TheButtonStillQueues()
    {
        using var factory = new RelayDeskFactory { Assistant = new ThrowingAssistant() };
        var (started, customer) = await factory.StartCustomerAsync();

        var view = await PressAsync(customer, started.Id);

        Assert.Equal("queued", view.GetProperty("state").GetString());
    }

    [Fact]
    public async Task PressingTheButtonOnAClosedConversation_IsAConflictThatSaysWhatToDo()
    {
        using var factory = new RelayDeskFactory();
        var (started, customer) = await factory.StartCustomerAsync();
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/close", null)).EnsureSuccessStatusCode();

        var response = await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("new chat", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PressAsync(HttpClient customer, Guid id)
    {
        var response = await customer.PostAsync($"/api/v1/conversations/{id}/human", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
