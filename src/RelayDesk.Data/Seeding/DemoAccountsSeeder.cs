using Bogus;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Domain.Accounts;

namespace RelayDesk.Data.Seeding;

/// <summary>The situation a demo customer's main purchase is in (the demo page lets visitors pick one).</summary>
public enum DemoSituation
{
    DueSoon,
    Overdue,
    Paused,
    Disputed,
    Financed,
    Paid,
}

/// <summary>
/// Generates the demo accounts deterministically (Bogus with a fixed seed per customer, so the first N customers are
/// the same whatever the total): German and English customers with purchases in every state — paid, due soon, overdue
/// (with reminder and late fee), paused for a return, disputed, financed, partly refunded. Dates are relative to the
/// clock at seeding, so "due soon" and "overdue" are true on the day it runs. Runs once: skipped when customers exist.
/// </summary>
public sealed class DemoAccountsSeeder(RelayDeskDbContext db)
{
    public const int Seed = 20261125;

    public const int DefaultCustomers = 1000;

    private static readonly string[] MerchantNames =
    [
        "Zalando", "MediaMarkt", "IKEA", "Otto", "About You", "Thalia", "H&M", "Decathlon", "Saturn", "Douglas",
        "Apple Store", "Cyberport", "Home24", "Tchibo", "Mytheresa",
    ];

    public static IReadOnlyList<Merchant> Merchants { get; } =
        [.. MerchantNames.Select((name, i) => new Merchant(new Guid(i + 1, 0x2026, 0x1125, [0x80, 0, 0, 0, 0, 0, 0, (byte)(i + 1)]), name))];

    public static string CustomerNumber(int index) => $"C-{100001 + index}";

    /// <summary>The main situation of the customer at <paramref name="index"/> (every situation recurs every six customers).</summary>
    public static DemoSituation SituationOf(int index) => (DemoSituation)(index % 6);

    public async Task<int> SeedAsync(int customers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (customers <= 0 || await db.Customers.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Merchants.AddRange(Merchants);
            var fakers = new DemoFakers();
            foreach (var batch in Enumerable.Range(0, customers).Chunk(250))
            {
                foreach (var index in batch)
                {
                    var (customer, purchases) = Generate(index, now, fakers);
                    db.Customers.Add(customer);
                    db.Purchases.AddRange(purchases);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }

        return customers;
    }

    /// <summary>One demo customer and their purchases, the same for the same index and day.</summary>
    public static (Customer Customer, IReadOnlyList<Purchase> Purchases) Generate(int index, DateTimeOffset now, DemoFakers? fakers = null)
    {
        var german = new Randomizer(Seed + index).Double() < 0.6;
        fakers ??= new DemoFakers();
        var faker = german ? fakers.German : fakers.English;
        faker.Random = new Randomizer(Seed + index);
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        var number = CustomerNumber(index);
        var customer = new Customer(number, $"{first} {last}", faker.Internet.Email(first, last, german ? "example.de" : "example.com", (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            faker.Phone.PhoneNumber(), german ? "de" : "en", faker.Address.StreetAddress(), faker.Address.ZipCode(), faker.Address.City(),
            german ? "DE" : "GB", verified: faker.Random.Double() < 0.9);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var purchases = new List<Purchase> { Purchase(faker, number, 1, SituationOf(index), today, now) };
        var extra = faker.Random.Int(0, 2);
        for (var i = 0; i < extra; i++)
        {
            purchases.Add(Purchase(faker, number, i + 2, faker.PickRandom(DemoSituation.Paid, DemoSituation.Paid, DemoSituation.Financed, DemoSituation.DueSoon), today, now));
        }

        return (customer, purchases);
    }

    private static Purchase Purchase(Faker faker, string customer, int seq, DemoSituation situation, DateOnly today, DateTimeOffset now)
    {
        var policy = AccountPolicy.Default;
        var merchant = faker.PickRandom(Merchants.ToList());
        var items = string.Join(", ", Enumerable.Range(0, faker.Random.Int(1, 3)).Select(_ => faker.Commerce.ProductName()));
        var amount = Math.Round(faker.Random.Decimal(19m, 480m), 2);
        var plan = faker.PickRandom(PlanKind.PayIn30, PlanKind.PayIn3, PlanKind.PayIn4);
        int daysAgo;
        switch (situation)
        {
            case DemoSituation.DueSoon:
                plan = PlanKind.PayIn30;
                daysAgo = faker.Random.Int(23, 28);
                break;
            case DemoSituation.Overdue:
                plan = PlanKind.PayIn30;
                daysAgo = faker.Random.Int(33, 55);
                break;
            case DemoSituation.Paused:
                plan = PlanKind.PayIn3;
                daysAgo = faker.Random.Int(4, 12);
                break;
            case DemoSituation.Disputed:
                plan = PlanKind.PayIn4;
                daysAgo = faker.Random.Int(10, 25);
                break;
            case DemoSituation.Financed:
                plan = PlanKind.Financing;
                amount = Math.Round(faker.Random.Decimal(600m, 3000m), 0);
                daysAgo = faker.Random.Int(20, 200);
                break;
            default:
                daysAgo = faker.Random.Int(70, 300);
                break;
        }

        var start = today.AddDays(-daysAgo);
        var boughtAt = new DateTimeOffset(start.ToDateTime(new TimeOnly(faker.Random.Int(8, 21), faker.Random.Int(0, 59))), TimeSpan.Zero);
        var schedule = PaymentSchedule.Create(plan, amount, start, faker.PickRandom(0m, 5.99m, 9.99m, 14.99m), faker.PickRandom(6, 12, 24, 36));
        var id = new Guid(faker.Random.Bytes(16));
        var purchase = Domain.Accounts.Purchase.Create(id, $"P-{customer[2..]}-{seq}", customer, merchant, items, schedule, boughtAt);

        // Everything due before today was paid on its day, except where the situation says otherwise.
        var paid = situation switch
        {
            DemoSituation.Paid => purchase.OpenAmount,
            DemoSituation.Overdue => 0,
            _ => purchase.Instalments.Where(i => i.Due < today).Sum(i => i.Amount),
        };
        if (paid > 0)
        {
            purchase.Pay(paid, now.AddDays(-1));
        }

        switch (situation)
        {
            case DemoSituation.Paused:
                purchase.ReportReturn(today.AddDays(-faker.Random.Int(0, 3)), policy, now);
                break;
            case DemoSituation.Disputed when purchase.OpenAmount > 0:
                purchase.OpenDispute(now);
                break;
            case DemoSituation.Paid when faker.Random.Double() < 0.2:
                purchase.Refund(Math.Round(amount / 3, 2), now);
                break;
        }

        purchase.Refresh(today, policy, now);
        purchase.TakeDomainEvents();
        return purchase;
    }
}

/// <summary>
/// One German and one English faker, reseeded per customer (building a faker per customer costs more than the rest of
/// the generation). Not thread-safe: one per seeding run.
/// </summary>
public sealed class DemoFakers
{
    public Faker German { get; } = new("de");

    public Faker English { get; } = new("en");
}
