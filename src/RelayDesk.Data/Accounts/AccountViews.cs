using System.Text.Json;
using RelayDesk.Domain.Accounts;
using RelayDesk.Domain.Accounts.Errands;

namespace RelayDesk.Data.Accounts;

/// <summary>How purchases look to customers, the assistant and agents: one mapping so everyone quotes the same figures.</summary>
public static class AccountViews
{
    public static PurchaseSummary Summary(Purchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var next = purchase.NextOpen;
        return new PurchaseSummary(
            purchase.Number, purchase.MerchantName, purchase.Items, purchase.Amount, purchase.Plan.ToWire(), purchase.PurchasedAt,
            purchase.OpenAmount, next?.Due, next?.Open,
            purchase.PauseReason == PauseReason.None ? null : purchase.PauseReason.ToString().ToLowerInvariant(),
            purchase.PausedUntil,
            purchase.Dispute == DisputeStatus.None ? null : Wire(purchase.Dispute),
            purchase.DueDateExtended);
    }

    public static IReadOnlyList<InstalmentView> Instalments(Purchase purchase) =>
        [.. purchase.Instalments.OrderBy(i => i.Seq).Select(i => new InstalmentView(i.Seq, i.Due, i.Amount + i.Fees, i.Fees, i.Open, i.Status.ToString().ToLowerInvariant()))];

    public static PurchaseSchedule Schedule(Purchase purchase) =>
        new(Summary(purchase), purchase.NominalRate, purchase.EffectiveApr, Instalments(purchase));

    public static BalanceOverview Balance(string customerId, IReadOnlyList<Purchase> purchases) => new(
        customerId,
        purchases.Sum(p => p.OpenAmount),
        purchases.SelectMany(p => p.Instalments).Where(i => i.Status == InstalmentStatus.Overdue).Sum(i => i.Open),
        purchases.SelectMany(p => p.Instalments).Where(i => i.Status == InstalmentStatus.Paused).Sum(i => i.Open),
        Money.Currency,
        [.. purchases.OrderByDescending(p => p.PurchasedAt).Select(Summary)]);

    public static string Wire(DisputeStatus status) => status switch
    {
        DisputeStatus.Open => "open",
        DisputeStatus.MerchantResponded => "merchant-responded",
        DisputeStatus.Won => "won",
        DisputeStatus.Lost => "lost",
        _ => "none",
    };

    /// <summary>The state of a purchase for the audit trail's before/after.</summary>
    public static string Snapshot(Purchase purchase) => JsonSerializer.Serialize(new
    {
        open = purchase.OpenAmount,
        pause = purchase.PauseReason.ToString(),
        pausedUntil = purchase.PausedUntil,
        dispute = purchase.Dispute.ToString(),
        extended = purchase.DueDateExtended,
        refunded = purchase.Refunded,
        instalments = purchase.Instalments.OrderBy(i => i.Seq).Select(i => new { i.Seq, i.Due, i.Amount, i.Fees, i.Paid, status = i.Status.ToString() }),
    });
}
