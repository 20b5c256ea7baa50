using RelayDesk.Domain.Accounts;

namespace RelayDesk.Domain.Tests.Accounts;

internal static class PurchaseBuilder
{
    public static readonly DateOnly Today = new(2026, 3, 2);
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    public static readonly Merchant Shop = new(Guid.Parse("8a4c1f2e-0000-4000-8000-000000000001"), "Zalando");

    public static Purchase Build(PlanKind plan, decimal amount = 120m, DateOnly? start = null, decimal rate = 9.99m, int months = 12)
    {
        var schedule = PaymentSchedule.Create(plan, amount, start ?? Today, rate, months);
        var purchase = Purchase.Create(Guid.NewGuid(), "P-TEST01", "C-100001", Shop, "Jacket", schedule, Now);
        purchase.TakeDomainEvents();
        return purchase;
    }
}
