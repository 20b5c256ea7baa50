using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Hubs;
using RelayDesk.Web.Tests.Infrastructure;
using static RelayDesk.Web.Tests.Features.Accounts.AccountLogins;

namespace RelayDesk.Web.Tests.Features.Accounts;

/// <summary>
/// A signed-in customer with several open purchases asks for an extension without saying which purchase: the assistant
/// lists the open ones and asks, and the answer in the next turn — by merchant or by number, also after a restart —
/// extends exactly that purchase, audited as the assistant's errand.
/// </summary>
public sealed partial class PurchaseChoiceConversationTests : IAsyncDisposable
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private readonly List<HubConnection> _connections = [];
    private readonly List<RelayDeskFactory> _factories = [];

    [Fact]
    public async Task GermanCustomer_IsAskedWhichPurchase_AnswersByMerchant_AndOnlyThatOneIsExtended_AndAudited()
    {
        var factory = Factory();
        var (login, purchases) = await factory.LoginWhereAsync("due-soon", "de", SeveralOpenOneExtendable);
        var target = purchases.First(IsExtendable);
        var before = await DueDatesAsync(factory, login);
        var chat = await ChatAsync(factory, login);

        var question = await chat.AskAsync("Kann ich meine Zahlung um 5 Tage verschieben?");

        Assert.Contains("Für welchen soll ich die Zahlungsfrist verlängern?", question, StringComparison.Ordinal);
        foreach (var open in purchases.Where(IsOpenAndRunning))
        {
            Assert.Contains($"{Merchant(open)}: {string.Create(German, $"{open.GetProperty("amount").GetDecimal():N2} €")}", question, StringComparison.Ordinal);
        }

        Assert.Equal(before, await DueDatesAsync(factory, login));

        var done = await chat.AskAsync($"die {Merchant(target)}-Bestellung");

        Assert.Contains($"für {Number(target)} ist jetzt am", done, StringComparison.Ordinal);
        var after = await DueDatesAsync(factory, login);
        var moved = Assert.Single(after, a => before[a.Key] != a.Value);
        Assert.StartsWith(Number(target) + "#", moved.Key, StringComparison.Ordinal);
        Assert.Equal(before[moved.Key].AddDays(5), moved.Value);
        var audit = await ExtensionAuditAsync(factory, login);
        var record = Assert.Single(audit);
        Assert.Equal((Number(target), "done", "assistant", chat.ConversationId), (record.PurchaseNumber, record.Outcome, record.ActorKind, record.ConversationId));
    }

    [Fact]
    public async Task EnglishCustomer_AnswersByNumberInTheList_AfterAnAppRestart_AndThatPurchaseIsExtended()
    {
        var first = Factory(keepData: true);
        var (login, _) = await first.LoginWhereAsync("due-soon", "en", SeveralOpenOneExtendable);
        var before = await DueDatesAsync(first, login);
        var (started, _) = await first.StartAsCustomerAsync(login);
        var question = await (await ConnectAsync(first, started.Id, started.Token)).AskAsync("can I push back my due date?");
        await DisposeAsync();

        // The open question is read back from the stored conversation by a fresh app on the same database.
        var second = Factory(folder: first.Folder);
        var purchases = await PurchasesAsync(second, login);
        var target = purchases.First(IsExtendable);
        var listed = ListedNumbers(question);
        Assert.Equal(purchases.Count(IsOpenAndRunning), listed.Count);
        var position = listed.IndexOf(Number(target)) + 1;

        var done = await (await ConnectAsync(second, started.Id, started.Token)).AskAsync(position.ToString(CultureInfo.InvariantCulture));

        Assert.Contains($"for {Number(target)} is now due on", done, StringComparison.Ordinal);
        var moved = Assert.Single(await DueDatesAsync(second, login), a => before[a.Key] != a.Value);
        Assert.StartsWith(Number(target) + "#", moved.Key, StringComparison.Ordinal);
        Assert.Equal(Number(target), Assert.Single(await ExtensionAuditAsync(second, login)).PurchaseNumber);
    }

    [Fact]
    public async Task ANewQuestionInsteadOfAnAnswer_CancelsTheChoice_AndNothingIsExtended()
    {
        var factory = Factory();
        var (login, _) = await factory.LoginWhereAsync("due-soon", "en", SeveralOpenOneExtendable);
        var before = await DueDatesAsync(factory, login);
        var chat = await ChatAsync(factory, login);
        await chat.AskAsync("can I push back my due date?");

        var answer = await chat.AskAsync("when is my next payment due?");

        Assert.Contains("Your next payment:", answer, StringComparison.Ordinal);
        Assert.Equal(before, await DueDatesAsync(factory, login));
        Assert.Empty(await ExtensionAuditAsync(factory, login));
    }

    /// <summary>At least two open purchases at different merchants, at least one of them extendable.</summary>
    private static bool SeveralOpenOneExtendable(IReadOnlyList<JsonElement> purchases)
    {
        var open = purchases.Where(IsOpenAndRunning).ToList();
        return open.Count >= 2 && open.Select(Merchant).Distinct().Count() == open.Count && open.Any(IsExtendable);
    }

    private RelayDeskFactory Factory(bool keepData = false, string? folder = null)
    {
        // Enough demo customers that some have several open purchases; a slow CI turn must not become a hand-off.
        var factory = folder is null
            ? new RelayDeskFactory { DemoCustomers = 120, AssistantTimeout = TimeSpan.FromMinutes(1), KeepData = keepData }
            : new RelayDeskFactory(folder) { DemoCustomers = 120, AssistantTimeout = TimeSpan.FromMinutes(1) };
        _factories.Add(factory);
        return factory;
    }

    private static List<string> ListedNumbers(string question) =>
        [.. ListedOption().Matches(question).Select(m => m.Groups["number"].Value)];

    private static async Task<Dictionary<string, DateOnly>> DueDatesAsync(RelayDeskFactory factory, DemoLogin login) =>
        (await PurchasesAsync(factory, login))
            .SelectMany(p => p.GetProperty("instalments").EnumerateArray().Select(i => (Key: $"{Number(p)}#{i.GetProperty("seq").GetInt32()}", i)))
            .ToDictionary(x => x.Key, x => DateOnly.Parse(x.i.GetProperty("due").GetString()!, CultureInfo.InvariantCulture));

    private static async Task<List<RelayDesk.Data.Accounts.AuditRecord>> ExtensionAuditAsync(RelayDeskFactory factory, DemoLogin login)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.Errand == "extend-due-date" && a.CustomerId == login.CustomerNumber).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<CustomerChat> ChatAsync(RelayDeskFactory factory, DemoLogin login)
    {
        var (started, _) = await factory.StartAsCustomerAsync(login);
        return await ConnectAsync(factory, started.Id, started.Token);
    }

    private Task<CustomerChat> ConnectAsync(RelayDeskFactory factory, Guid conversationId, string token) =>
        CustomerChat.ConnectAsync(factory, conversationId, token, _connections);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        _connections.Clear();
        _factories.Clear();
    }

    [GeneratedRegex(@"^\d+\. .+\((?<number>P-\d{6}-\d{1,2})\)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ListedOption();

}
