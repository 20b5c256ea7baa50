using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Conversations;

public sealed class SendMessageTests : IDisposable
{
    private readonly RelayDeskFactory _factory = new();

    [Fact]
    public async Task Send_AcknowledgedMessage_IsInTheDatabase()
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var ack = await customer.SendAsync(started.Id, "When is my next payment due?", "client-1");

        var stored = await _factory.LoadAsync(started.Id);
        var message = Assert.Single(stored!.Messages, m => m.Seq == ack.Seq);
        Assert.Equal("When is my next payment due?", message.Text);
        Assert.Equal("client-1", message.ClientMessageId);
        Assert.Equal(MessageAuthor.Customer, message.Author);
        Assert.False(ack.Duplicate);
    }

    [Fact]
    public async Task Send_TheSameClientMessageIdTwice_StoresItOnceAndRepeatsTheAcknowledgement()
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var first = await customer.SendAsync(started.Id, "Please pause my invoice", "same-id");
        var retry = await customer.SendAsync(started.Id, "Please pause my invoice", "same-id");

        Assert.Equal(first.Seq, retry.Seq);
        Assert.True(retry.Duplicate);
        var stored = await _factory.LoadAsync(started.Id);
        Assert.Single(stored!.Messages, m => m.ClientMessageId == "same-id");
    }

    [Fact]
    public async Task Send_AHelpQuestion_IsAnsweredFromTheHelpArticles()
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var ack = await customer.SendAsync(started.Id, "How long does it take until I get my refund?");

        var conversation = await _factory.WaitForAsync(started.Id, c => c.LastSeq > ack.Seq);
        var answer = conversation.Messages.Single(m => m.Seq == ack.Seq + 1);
        Assert.Equal(MessageAuthor.Assistant, answer.Author);
        Assert.Contains("refund", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("business days", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ConversationState.Assistant, conversation.State);
    }

    [Fact]
    public async Task Send_AGermanHelpQuestion_IsAnsweredInGerman()
    {
        var (started, customer) = await _factory.StartCustomerAsync("de");

        var ack = await customer.SendAsync(started.Id, "Ich habe eine Retoure geschickt, muss ich die Rechnung trotzdem bezahlen?");

        var conversation = await _factory.WaitForAsync(started.Id, c => c.LastSeq > ack.Seq);
        var answer = conversation.Messages.Single(m => m.Seq == ack.Seq + 1);
        Assert.Equal(MessageAuthor.Assistant, answer.Author);
        Assert.Contains("Rücksendung", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("", "Message is empty.")]
    [InlineData("   ", "Message is empty.")]
    public async Task Send_AnEmptyMessage_IsAProblemAndStoresNothing(string text, string detail)
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/messages", new { clientMessageId = "e1", text });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
        Assert.Single((await _factory.LoadAsync(started.Id))!.Messages);
    }

    [Fact]
    public async Task Send_AMessageOverFourThousandCharacters_IsAProblemAndStoresNothing()
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/messages",
            new { clientMessageId = "long", text = new string('x', 4001) });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "longer than 4000");
        Assert.Single((await _factory.LoadAsync(started.Id))!.Messages);
    }

    [Fact]
    public async Task Send_ToAnUnknownConversation_IsNotFound()
    {
        var (_, customer) = await _factory.StartCustomerAsync();

        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{Guid.NewGuid()}/messages", new { clientMessageId = "u", text = "hi" });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task Send_ToSomeoneElsesConversation_IsNotFoundAndStoresNothing()
    {
        var (mine, customer) = await _factory.StartCustomerAsync();
        var (theirs, _) = await _factory.StartCustomerAsync();

        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{theirs.Id}/messages", new { clientMessageId = "f", text = "hi" });
        var read = await customer.GetAsync($"/api/v1/conversations/{theirs.Id}/messages");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not found");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Single((await _factory.LoadAsync(theirs.Id))!.Messages);
        Assert.NotEqual(mine.Id, theirs.Id);
    }

    [Fact]
    public async Task Send_WithoutAToken_IsUnauthorized()
    {
        var (started, _) = await _factory.StartCustomerAsync();

        var response = await _factory.CreateClient().PostAsJsonAsync($"/api/v1/conversations/{started.Id}/messages", new { clientMessageId = "n", text = "hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Send_WithAForgedToken_IsUnauthorized()
    {
        var (started, _) = await _factory.StartCustomerAsync();
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", started.Token[..^4] + "AAAA");

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/messages", new { clientMessageId = "n", text = "hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Send_ToAClosedConversation_IsAConflictAndStoresNothing()
    {
        var (started, customer) = await _factory.StartCustomerAsync();
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/close", null)).EnsureSuccessStatusCode();

        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/messages", new { clientMessageId = "c", text = "hello?" });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "closed");
        Assert.Single((await _factory.LoadAsync(started.Id))!.Messages);
    }

    [Fact]
    public async Task GetMessages_AfterASequenceNumber_ReturnsOnlyLaterMessages()
    {
        var (started, customer) = await _factory.StartCustomerAsync();
        var first = await customer.SendAsync(started.Id, "Thanks!");
        await _factory.WaitForAsync(started.Id, c => c.LastSeq > first.Seq);

        var later = await customer.MessagesAsync(started.Id, after: first.Seq);

        Assert.All(later, m => Assert.True(m.Seq > first.Seq));
        Assert.NotEmpty(later);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _factory.Dispose();
}
