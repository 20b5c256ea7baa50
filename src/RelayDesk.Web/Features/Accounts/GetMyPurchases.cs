using System.Security.Claims;
using RelayDesk.Data.Accounts;
using RelayDesk.Domain.Accounts.Errands;
using RelayDesk.Web.Auth;

namespace RelayDesk.Web.Features.Accounts;

/// <summary>
/// The signed-in customer's purchases with their plans, instalments (due, amount, status), open amounts, pauses and
/// disputes — read through the same errand and mapping the assistant quotes from, so the figures always agree.
/// </summary>
public sealed class GetMyPurchases(AccountErrands errands)
{
    public sealed record PurchaseView(
        string Number, string Merchant, string Items, decimal Amount, string Currency, string Plan, DateTimeOffset PurchasedAt,
        decimal OpenAmount, DateOnly? NextDue, decimal? NextAmount, string? PausedFor, DateOnly? PausedUntil, string? Dispute,
        bool DueDateExtended, decimal NominalRate, decimal EffectiveApr, IReadOnlyList<InstalmentView> Instalments);

    public sealed record Response(string CustomerNumber, decimal OpenAmount, decimal OverdueAmount, decimal PausedAmount, string Currency, IReadOnlyList<PurchaseView> Purchases);

    public async Task<Response> HandleAsync(string customerNumber, CancellationToken cancellationToken)
    {
        var purchases = await errands.LoadAccountAsync(customerNumber, cancellationToken);
        var balance = AccountViews.Balance(customerNumber, purchases);
        var views = purchases.OrderByDescending(p => p.PurchasedAt).Select(p =>
        {
            var s = AccountViews.Schedule(p);
            var x = s.Purchase;
            return new PurchaseView(x.Number, x.Merchant, x.Items, x.Amount, p.Currency, x.Plan, x.PurchasedAt, x.OpenAmount, x.NextDue, x.NextAmount,
                x.PausedFor, x.PausedUntil, x.Dispute, x.DueDateExtended, s.NominalRate, s.EffectiveApr, s.Instalments);
        });
        return new Response(customerNumber, balance.OpenAmount, balance.OverdueAmount, balance.PausedAmount, balance.Currency, [.. views]);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/purchases", (ClaimsPrincipal user, GetMyPurchases handler, CancellationToken ct) =>
                handler.HandleAsync(CustomerTokens.CustomerOf(user) ?? throw new UnauthorizedAccessException("A customer token is required."), ct))
            .WithName("GetMyPurchases")
            .WithSummary("The signed-in customer's purchases: plan, instalments (due, amount, status), open amount, pauses and disputes.");
}
