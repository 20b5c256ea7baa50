using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Assistant.Tests.Llm;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.AssistantTurns;

/// <summary>An external model answers a signed-in customer from their real account through the errand tools.</summary>
public sealed class LlmAccountToolsTests
{
    [Fact]
    public async Task The_model_reads_the_next_payment_through_a_tool_extends_once_and_never_sees_who_the_customer_is()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        using var factory = new RelayDeskFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Assistant:Provider"] = "OpenAI",
                ["Assistant:OpenAI:Endpoint"] = model.Endpoint.ToString(),
                ["Assistant:OpenAI:Model"] = "fake-model",
            },
        };
        var login = await factory.LoginAsync("due-soon", "en");
        string email;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            email = await scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>().Customers
                .Where(c => c.Id == login.CustomerNumber).Select(c => c.Email).SingleAsync();
        }

        model.Forbidden = [login.Name, email];
        string? purchase = null;
        model
            .Then(new FakeReply.ToolCall("get_next_payment"))
            .Then(request =>
            {
                purchase = ToolResult(request).GetProperty("value").GetProperty("purchaseNumber").GetString();
                return new FakeReply.ToolCall("extend_due_date", $$"""{"purchaseNumber":"{{purchase}}","days":7}""");
            })
            .Then(_ => new FakeReply.ToolCall("extend_due_date", $$"""{"purchaseNumber":"{{purchase}}","days":7}"""))
            .Then(request => new FakeReply.Answer($"Done: {ToolResult(request).GetProperty("message").GetString()}"));
        var (started, customer) = await factory.StartAsCustomerAsync(login, "en");

        var ack = await customer.SendAsync(started.Id, $"Hi, I'm {login.Name} ({email}). Can you move my next payment by a week?");

        var conversation = await factory.WaitForAsync(started.Id, c => c.LastSeq > ack.Seq);
        var answer = conversation.Messages.Single(m => m.Seq == ack.Seq + 1);
        Assert.Equal(MessageAuthor.Assistant, answer.Author);
        Assert.StartsWith("Done:", answer.Text, StringComparison.Ordinal);
        Assert.Empty(model.Violations);
        var tools = FakeOpenAiServer.ToolNames(model.Requests[0]);
        Assert.Contains("get_next_payment", tools);
        Assert.Contains("extend_due_date", tools);
        Assert.DoesNotContain("customerId", model.Requests[0]["tools"]!.ToJsonString(), StringComparison.Ordinal);

        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        var audit = await db.AuditRecords.Where(a => a.ConversationId == started.Id).OrderBy(a => a.Id).ToListAsync();
        // The model asked twice in one turn: the second call replays the first answer and changes nothing.
        Assert.Equal(["next-payment", "extend-due-date"], audit.Select(a => a.Errand));
        Assert.Equal("done", audit[1].Outcome);
        Assert.All(audit, a => Assert.Equal("assistant", a.ActorKind));
        var extended = await db.Purchases.Include(p => p.Instalments).SingleAsync(p => p.Number == purchase);
        Assert.True(extended.DueDateExtended);
        Assert.Single(extended.Instalments, i => i.Due == i.OriginalDue.AddDays(7));
    }

    /// <summary>The last tool result the model got back (role "tool").</summary>
    private static System.Text.Json.JsonElement ToolResult(System.Text.Json.Nodes.JsonNode request)
    {
        var content = FakeOpenAiServer.Messages(request).Last(m => m.Role == "tool").Content;
        return System.Text.Json.JsonDocument.Parse(content).RootElement;
    }
}
