using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RelayDesk.Data.Accounts;
using RelayDesk.Data.Seeding;
using RelayDesk.Domain.Accounts;
using RelayDesk.Domain.Accounts.Errands;

namespace RelayDesk.Data.Tests.Accounts;

public sealed class AccountErrandsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"relaydesk-errands-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _clock = new(Now);

    private static string Customer(DemoSituation situation) => DemoAccountsSeeder.CustomerNumber((int)situation);

    private static string FirstPurchase(DemoSituation situation) => $"P-{Customer(situation)[2..]}-1";

    private static ErrandCaller Assistant(string? customer) => ErrandCaller.Assistant(customer, Guid.NewGuid());

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        await new DemoAccountsSeeder(db).SeedAsync(12, Now, CancellationToken.None);
    }

    [Fact]
    public async Task ExtendDueDate_OnAnotherCustomersPurchase_IsRefusedAndAudited_AndChangesNothing()
    {
        await using var db = NewContext();
        var errands = Errands(db);
        var stranger = Assistant(Customer(DemoSituation.Overdue));

        var result = await errands.ExtendDueDateAsync(stranger, FirstPurchase(DemoSituation.DueSoon), 5, "k-1");

        Assert.Equal(ErrandOutcome.NotAllowed, result.Outcome);
        Assert.Null(result.Value);
        var audit = await db.AuditRecords.AsNoTracking().SingleAsync();
        Assert.Equal(("assistant", "extend-due-date", "not-allowed", Customer(DemoSituation.Overdue), FirstPurchase(DemoSituation.DueSoon)),
            (audit.ActorKind, audit.Errand, audit.Outcome, audit.CustomerId, audit.PurchaseNumber));
        Assert.False((await db.Purchases.AsNoTracking().SingleAsync(p => p.Number == FirstPurchase(DemoSituation.DueSoon))).DueDateExtended);
    }

    [Fact]
    public async Task ReadingAnotherCustomersSchedule_IsRefusedAndAudited()
    {
        await using var db = NewContext();

        var result = await Errands(db).GetPaymentScheduleAsync(Assistant(Customer(DemoSituation.Paid)), FirstPurchase(DemoSituation.Financed));

        Assert.Equal(ErrandOutcome.NotAllowed, result.Outcome);
        Assert.Equal("not-allowed", (await db.AuditRecords.AsNoTracking().SingleAsync()).Outcome);
    }

    [Fact]
    public async Task ExtendDueDate_RetriedWithTheSameKey_ExtendsOnce_AndANewRequestIsRefused()
    {
        await using var db = NewContext();
        var errands = Errands(db);
        var caller = Assistant(Customer(DemoSituation.DueSoon));
        var before = (await errands.GetPaymentScheduleAsync(caller, FirstPurchase(DemoSituation.DueSoon))).Value!.Instalments[0].Due;

        var first = await errands.ExtendDueDateAsync(caller, FirstPurchase(DemoSituation.DueSoon), 10, "turn-7");
        var retry = await errands.ExtendDueDateAsync(caller, FirstPurchase(DemoSituation.DueSoon), 10, "turn-7");
        var again = await errands.ExtendDueDateAsync(caller, FirstPurchase(DemoSituation.DueSoon), 3, "turn-8");

        Assert.True(first.Succeeded);
        Assert.Equal(before.AddDays(10), first.Value!.To);
        Assert.Equal(first.Value, retry.Value);
        Assert.Equal((ErrandOutcome.Refused, "extension.already-used"), (again.Outcome, again.Code));
        var instalment = await db.Purchases.AsNoTracking().Where(p => p.Number == FirstPurchase(DemoSituation.DueSoon)).SelectMany(p => p.Instalments).SingleAsync();
        Assert.Equal(before.AddDays(10), instalment.Due);
        var audit = await db.AuditRecords.AsNoTracking().Where(a => a.Errand == "extend-due-date").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["done", "refused"], audit.Select(a => a.Outcome));
        Assert.Contains("Scheduled", audit[0].Before!, StringComparison.Ordinal);
        Assert.NotEqual(audit[0].Before, audit[0].After);
    }

    [Fact]
    public async Task ExtendDueDate_WhenOverdue_IsRefusedWithTheReason()
    {
        await using var db = NewContext();

        var result = await Errands(db).ExtendDueDateAsync(Assistant(Customer(DemoSituation.Overdue)), FirstPurchase(DemoSituation.Overdue), 5, "k");

        Assert.Equal((ErrandOutcome.Refused, "extension.overdue"), (result.Outcome, result.Code));
        Assert.Contains("overdue", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(5000)]
    public async Task ExtendDueDate_WithNonsenseDays_IsInvalid_AndChangesNothing(int days)
    {
        await using var db = NewContext();

        var result = await Errands(db).ExtendDueDateAsync(Assistant(Customer(DemoSituation.DueSoon)), FirstPurchase(DemoSituation.DueSoon), days, "k");

        Assert.Equal(ErrandOutcome.Invalid, result.Outcome);
        Assert.False((await db.Purchases.AsNoTracking().SingleAsync(p => p.Number == FirstPurchase(DemoSituation.DueSoon))).DueDateExtended);
    }

    [Fact]
    public async Task AnAnonymousCaller_IsAskedToLogIn_ForEveryErrand()
    {
        await using var db = NewContext();
        var errands = Errands(db);
        var anonymous = Assistant(null);

        var results = new[]
        {
            (await errands.GetOpenBalanceAsync(anonymous)).Outcome,
            (await errands.GetNextPaymentAsync(anonymous)).Outcome,
            (await errands.MarkReturnSentAsync(anonymous, FirstPurchase(DemoSituation.DueSoon), "k")).Outcome,
            (await errands.ExtendDueDateAsync(anonymous, FirstPurchase(DemoSituation.DueSoon), 3, "k")).Outcome,
            (await errands.ResendInvoiceAsync(anonymous, FirstPurchase(DemoSituation.DueSoon), "k")).Outcome,
        };

        Assert.All(results, outcome => Assert.Equal(ErrandOutcome.LoginRequired, outcome));
        Assert.Empty(await db.EmailOutbox.ToListAsync());
    }

    [Fact]
    public async Task AnUnknownPurchase_IsNotFound()
    {
        await using var db = NewContext();

        var result = await Errands(db).MarkReturnSentAsync(Assistant(Customer(DemoSituation.DueSoon)), "P-999999-9", "k");

        Assert.Equal(ErrandOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task MarkReturnSent_PausesTheOpenAmount_AndTellsTheNewDate()
    {
        await using var db = NewContext();

        var result = await Errands(db).MarkReturnSentAsync(Assistant(Customer(DemoSituation.DueSoon)), FirstPurchase(DemoSituation.DueSoon), "k");

        Assert.True(result.Succeeded);
        Assert.Equal(new DateOnly(2026, 12, 16), result.Value!.PausedUntil);
        var balance = (await Errands(db).GetOpenBalanceAsync(Assistant(Customer(DemoSituation.DueSoon)))).Value!;
        Assert.Equal("return", balance.Purchases.Single(p => p.Number == FirstPurchase(DemoSituation.DueSoon)).PausedFor);
    }

    [Fact]
    public async Task ResendInvoice_QueuesOneEmailToTheAddressOnFile_AndShowsItMasked()
    {
        await using var db = NewContext();
        var errands = Errands(db);
        var caller = Assistant(Customer(DemoSituation.DueSoon));

        var result = await errands.ResendInvoiceAsync(caller, FirstPurchase(DemoSituation.DueSoon), "mail-1");
        await errands.ResendInvoiceAsync(caller, FirstPurchase(DemoSituation.DueSoon), "mail-1");

        var mail = await db.EmailOutbox.AsNoTracking().SingleAsync();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == Customer(DemoSituation.DueSoon));
        Assert.Equal(customer.Email, mail.To);
        Assert.Equal(InvoiceEmail.Mask(customer.Email), result.Value!.MaskedEmail);
        Assert.StartsWith(customer.Email[..1] + "***@", result.Value.MaskedEmail, StringComparison.Ordinal);
        Assert.Contains(InvoiceEmail.Iban, mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextPayment_AndBalance_QuoteTheAccountsFigures()
    {
        await using var db = NewContext();
        var caller = Assistant(Customer(DemoSituation.Overdue));

        var balance = (await Errands(db).GetOpenBalanceAsync(caller)).Value!;
        var next = (await Errands(db).GetNextPaymentAsync(caller)).Value!;

        var purchases = await db.Purchases.AsNoTracking().Include(p => p.Instalments).Where(p => p.CustomerId == caller.CustomerId).ToListAsync();
        Assert.Equal(purchases.Sum(p => p.OpenAmount), balance.OpenAmount);
        Assert.True(balance.OverdueAmount > 0);
        Assert.Equal(FirstPurchase(DemoSituation.Overdue), next.PurchaseNumber);
        Assert.Equal("overdue", next.Status);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    private AccountErrands Errands(RelayDeskDbContext db) => new(db, _clock, AccountPolicy.Default);

    private RelayDeskDbContext NewContext() =>
        new(new DbContextOptionsBuilder<RelayDeskDbContext>().UseSqlite($"Data Source={_path}").Options);
}
