using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.AssistantTurns;

public class RestartTests
{
    [Fact]
    public async Task AMessageAcknowledgedBeforeARestart_IsAnsweredAfterIt()
    {
        Guid id;
        string folder;
        // The first instance acknowledges the message, but its assistant never answers (the process "dies").
        await using (var before = new RelayDeskFactory { Assistant = new HangingAssistant(), AssistantTimeout = TimeSpan.FromHours(1), KeepData = true })
        {
            var (started, customer) = await before.StartCustomerAsync();
            await customer.SendAsync(started.Id, "How long does a refund take?");
            id = started.Id;
            folder = before.Folder;
        }

        await using var after = new RelayDeskFactory(folder);
        _ = after.Server;

        var conversation = await after.WaitForAsync(id, c => c.Messages.MaxBy(m => m.Seq)!.Author != MessageAuthor.Customer);
        Assert.Equal(MessageAuthor.Assistant, conversation.Messages.MaxBy(m => m.Seq)!.Author);
        Assert.Equal(3, conversation.LastSeq);
    }

    [Fact]
    public async Task TheQueue_SurvivesARestart()
    {
        string folder;
        Guid id;
        await using (var before = new RelayDeskFactory { KeepData = true })
        {
            var (started, customer) = await before.StartCustomerAsync();
            (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
            id = started.Id;
            folder = before.Folder;
        }

        await using var after = new RelayDeskFactory(folder);
        var agent = await after.AgentClientAsync();

        var queue = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(agent, "/api/v1/agent/queue");

        Assert.Equal(id, queue.GetProperty("queue")[0].GetProperty("id").GetGuid());
    }
}
