using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Accounts;

public sealed class MyPurchasesTests : IDisposable
{
    private readonly RelayDeskFactory _factory = new();

    [Theory]
    [InlineData("overdue")]
    [InlineData("due-soon")]
    [InlineData("paused")]
    [InlineData("disputed")]
    [InlineData("financed")]
    public async Task DemoCustomers_ExistInEverySituation_AndCanLogIn(string state)
    {
        var login = await _factory.LoginAsync(state);

        Assert.StartsWith("C-", login.CustomerNumber, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(login.Token));
    }

    [Fact]
    public async Task MyPurchases_ShowsTheOverdueCustomersPlanInstalmentsAndOpenAmount()
    {
        var login = await _factory.LoginAsync("overdue");

        var account = await _factory.ClientFor(login.Token).GetFromJsonAsync<JsonElement>("/api/v1/me/purchases");

        Assert.Equal(login.CustomerNumber, account.GetProperty("customerNumber").GetString());
        Assert.True(account.GetProperty("overdueAmount").GetDecimal() > 0);
        var purchases = account.GetProperty("purchases").EnumerateArray().ToList();
        Assert.NotEmpty(purchases);
        Assert.Equal(account.GetProperty("openAmount").GetDecimal(), purchases.Sum(p => p.GetProperty("openAmount").GetDecimal()));
        var overdue = purchases.SelectMany(p => p.GetProperty("instalments").EnumerateArray()).First(i => i.GetProperty("status").GetString() == "overdue");
        Assert.True(overdue.GetProperty("amount").GetDecimal() > 0);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", overdue.GetProperty("due").GetString());
        Assert.Contains(purchases, p => p.GetProperty("plan").GetString() == "pay-in-30");
    }

    [Fact]
    public async Task MyPurchases_ShowsPausesAndDisputes()
    {
        var paused = await _factory.ClientFor((await _factory.LoginAsync("paused")).Token).GetFromJsonAsync<JsonElement>("/api/v1/me/purchases");
        var disputed = await _factory.ClientFor((await _factory.LoginAsync("disputed")).Token).GetFromJsonAsync<JsonElement>("/api/v1/me/purchases");

        Assert.Contains(paused.GetProperty("purchases").EnumerateArray(), p => p.GetProperty("pausedFor").GetString() == "return" && p.GetProperty("pausedUntil").GetString() is not null);
        Assert.Contains(disputed.GetProperty("purchases").EnumerateArray(), p => p.GetProperty("dispute").GetString() == "open");
    }

    [Fact]
    public async Task MyPurchases_WithoutACustomerToken_IsUnauthorised_AndAConversationTokenIsNotEnough()
    {
        var (_, conversationClient) = await _factory.StartCustomerAsync();

        var anonymous = await _factory.CreateClient().GetAsync("/api/v1/me/purchases");
        var withConversationToken = await conversationClient.GetAsync("/api/v1/me/purchases");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withConversationToken.StatusCode);
    }

    [Fact]
    public async Task StartConversation_WithACustomerToken_LinksTheConversationToTheCustomer_InTheirLanguage()
    {
        var login = await _factory.LoginAsync("due-soon", language: "de");

        var (started, client) = await _factory.StartAsCustomerAsync(login);

        await using var scope = _factory.Services.CreateAsyncScope();
        var conversation = await scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>().Conversations.AsNoTracking().SingleAsync(c => c.Id == started.Id);
        Assert.Equal(login.CustomerNumber, conversation.CustomerId);
        Assert.Equal("de", conversation.Language);
        Assert.NotEmpty(await client.MessagesAsync(started.Id));
    }

    [Fact]
    public async Task StartConversation_Anonymously_StaysUnlinked_AndAForgedTokenIsRefused()
    {
        var (started, _) = await _factory.StartCustomerAsync();
        var forged = await _factory.ClientFor("eyJhbGciOiJIUzI1NiJ9.eyJjdXN0IjoiQy0xMDAwMDEifQ.bad").PostAsJsonAsync("/api/v1/conversations", new { language = "en" });

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>().Conversations.AsNoTracking().SingleAsync(c => c.Id == started.Id)).CustomerId);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task DemoToken_ForAnUnknownCustomer_IsNotFound_AndAnUnknownStateIsAProblem()
    {
        var client = _factory.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/v1/demo/customer-token", new { customerNumber = "C-999999" });
        var badState = await client.GetAsync("/api/v1/demo/customers?state=rich");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
