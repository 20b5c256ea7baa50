using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Hubs;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Accounts;

/// <summary>A logged-in demo customer asks the assistant about their account over the customer hub and gets their real figures.</summary>
public sealed class AccountConversationTests : IAsyncDisposable
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    // A loaded CI machine must not turn a slow turn into a hand-off: these tests are about the answer.
    private readonly RelayDeskFactory _factory = new() { AssistantTimeout = TimeSpan.FromMinutes(1) };
    private readonly List<HubConnection> _connections = [];

    [Fact]
    public async Task GermanCustomer_AsksForTheNextPayment_AndGetsTheAmountAndDateFromTheirAccount()
    {
        var login = await _factory.LoginAsync("due-soon", language: "de");
        var (due, amount) = await NextPaymentAsync(login);
        var chat = await ChatAsync(login);

        var answer = await chat.AskAsync("Wann ist meine nächste Rate fällig?");

        Assert.Contains(string.Create(German, $"{amount:N2} €"), answer, StringComparison.Ordinal);
        Assert.Contains(due.ToString("dd.MM.yyyy", German), answer, StringComparison.Ordinal);
        Assert.Contains("nächste Zahlung", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishCustomer_WithAnOverduePayment_IsToldItIsOverdue_WithTheFigures()
    {
        var login = await _factory.LoginAsync("overdue", language: "en");
        var (due, amount) = await NextPaymentAsync(login);
        var chat = await ChatAsync(login);

        var answer = await chat.AskAsync("when is my next payment due");

        Assert.Contains(string.Create(English, $"€{amount:N2}"), answer, StringComparison.Ordinal);
        Assert.Contains("overdue since " + due.ToString("d MMM yyyy", English), answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GermanCustomer_ExtendsTheDueDateOnce_TheSecondTimeIsRefusedWithTheReason_AndBothAreAudited()
    {
        // One open purchase: nothing to ask (several are asked about first, see PurchaseChoiceConversationTests).
        var (login, _) = await _factory.LoginWhereAsync("due-soon", "de", p => p.Count(AccountLogins.IsOpenAndRunning) == 1 && p.Any(AccountLogins.IsExtendable));
        var before = await DueDatesAsync(login);
        var chat = await ChatAsync(login);

        var first = await chat.AskAsync("Kann ich meine Zahlung um 5 Tage verschieben?");
        var after = await DueDatesAsync(login);
        var moved = Assert.Single(after, a => before[a.Key] != a.Value);
        var second = await chat.AskAsync($"Kann ich meine Zahlung für {moved.Key.Split('#')[0]} verschieben?");

        Assert.Equal(before[moved.Key].AddDays(5), moved.Value);
        Assert.Contains(moved.Key.Split('#')[0], first, StringComparison.Ordinal);
        Assert.Contains("jetzt am " + moved.Value.ToString("dd.MM.yyyy", German) + " fällig statt am " + before[moved.Key].ToString("dd.MM.yyyy", German), first, StringComparison.Ordinal);
        Assert.Contains("bereits einmal verlängert", second, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.Errand == "extend-due-date" && a.CustomerId == login.CustomerNumber).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["done", "refused"], audit.Select(a => a.Outcome));
        Assert.All(audit, a => Assert.Equal(("assistant", chat.ConversationId), (a.ActorKind, a.ConversationId)));
    }

    [Fact]
    public async Task EnglishCustomer_ReportsAReturn_AndThePaymentIsPausedUntilTheDateTheyAreTold()
    {
        var login = await _factory.LoginAsync("due-soon", language: "en");
        var chat = await ChatAsync(login);

        var answer = await chat.AskAsync("I sent my order back");

        var account = await _factory.ClientFor(login.Token).GetFromJsonAsync<JsonElement>("/api/v1/me/purchases");
        var paused = account.GetProperty("purchases").EnumerateArray().SingleOrDefault(p => p.GetProperty("pausedFor").GetString() == "return");
        Assert.True(paused.ValueKind == JsonValueKind.Object, answer);
        var until = DateOnly.Parse(paused.GetProperty("pausedUntil").GetString()!, CultureInfo.InvariantCulture);
        Assert.Contains("paused until " + until.ToString("d MMM yyyy", English), answer, StringComparison.Ordinal);
        Assert.Contains(paused.GetProperty("number").GetString()!, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousVisitor_AskingAnAccountQuestion_IsAskedToLogIn_AndNothingChanges()
    {
        var (started, _) = await _factory.StartCustomerAsync("en");
        var chat = await ConnectAsync(started.Id, started.Token);

        var answer = await chat.AskAsync("I sent my order back");

        Assert.Contains("please log in", answer, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        Assert.False(await db.AuditRecords.AnyAsync(a => a.Outcome == "done" && a.Errand == "return-sent"));
    }

    private async Task<(DateOnly Due, decimal Amount)> NextPaymentAsync(DemoLogin login)
    {
        var account = await _factory.ClientFor(login.Token).GetFromJsonAsync<JsonElement>("/api/v1/me/purchases");
        var next = account.GetProperty("purchases").EnumerateArray()
            .SelectMany(p => p.GetProperty("instalments").EnumerateArray())
            .Where(i => i.GetProperty("open").GetDecimal() > 0 && i.GetProperty("status").GetString() != "paused")
            .Select(i => (Due: DateOnly.Parse(i.GetProperty("due").GetString()!, CultureInfo.InvariantCulture), Amount: i.GetProperty("open").GetDecimal()))
            .OrderBy(i => i.Due).First();
        return next;
    }

    private async Task<Dictionary<string, DateOnly>> DueDatesAsync(DemoLogin login)
    {
        var account = await _factory.ClientFor(login.Token).GetFromJsonAsync<JsonElement>("/api/v1/me/purchases");
        return account.GetProperty("purchases").EnumerateArray()
            .SelectMany(p => p.GetProperty("instalments").EnumerateArray().Select(i => (Key: $"{p.GetProperty("number").GetString()}#{i.GetProperty("seq").GetInt32()}", i)))
            .ToDictionary(x => x.Key, x => DateOnly.Parse(x.i.GetProperty("due").GetString()!, CultureInfo.InvariantCulture));
    }

    private async Task<CustomerChat> ChatAsync(DemoLogin login)
    {
        var (started, _) = await _factory.StartAsCustomerAsync(login);
        return await ConnectAsync(started.Id, started.Token);
    }

    private Task<CustomerChat> ConnectAsync(Guid conversationId, string token) =>
        CustomerChat.ConnectAsync(_factory, conversationId, token, _connections);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _factory.Dispose();
    }

}
