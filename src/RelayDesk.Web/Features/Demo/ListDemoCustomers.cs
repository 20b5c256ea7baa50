using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain;
using RelayDesk.Domain.Accounts;

namespace RelayDesk.Web.Features.Demo;

/// <summary>
/// Development only: demo customers by situation, computed from their accounts today — overdue (an open payment past
/// its due date), due-soon (a payment due within 7 days, nothing overdue), paused (a return pause), disputed, financed.
/// </summary>
public sealed class ListDemoCustomers(RelayDeskDbContext db, TimeProvider clock)
{
    public const int DueSoonDays = 7;
    private const int Take = 25;

    public static IReadOnlyList<string> States { get; } = ["overdue", "due-soon", "paused", "disputed", "financed"];

    public sealed record DemoCustomer(string CustomerNumber, string Name, string Language);

    public sealed record Response(string State, IReadOnlyList<DemoCustomer> Customers);

    public async Task<Response> HandleAsync(string? state, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var soon = today.AddDays(DueSoonDays);
        var purchases = db.Purchases.AsNoTracking();
        var overdue = purchases.Where(p => p.Instalments.Any(i => i.Status == InstalmentStatus.Overdue || (i.Status == InstalmentStatus.Scheduled && i.Due < today)))
            .Select(p => p.CustomerId);
        var matching = state?.Trim().ToLowerInvariant() switch
        {
            "overdue" => overdue,
            "due-soon" => purchases.Where(p => p.Instalments.Any(i => i.Status == InstalmentStatus.Scheduled && i.Due >= today && i.Due <= soon))
                .Select(p => p.CustomerId).Where(c => !overdue.Contains(c)),
            "paused" => purchases.Where(p => p.PauseReason == PauseReason.Return).Select(p => p.CustomerId),
            "disputed" => purchases.Where(p => p.Dispute == DisputeStatus.Open || p.Dispute == DisputeStatus.MerchantResponded).Select(p => p.CustomerId),
            "financed" => purchases.Where(p => p.Plan == PlanKind.Financing && p.Instalments.Any(i => i.Status == InstalmentStatus.Scheduled)).Select(p => p.CustomerId),
            _ => throw new DomainException("demo.state", $"Unknown situation '{state}'; use one of: {string.Join(", ", States)}."),
        };
        var customers = await db.Customers.AsNoTracking().Where(c => matching.Contains(c.Id)).OrderBy(c => c.Id).Take(Take)
            .Select(c => new DemoCustomer(c.Id, c.Name, c.Language)).ToListAsync(cancellationToken);
        return new Response(state!.Trim().ToLowerInvariant(), customers);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/customers", (string? state, ListDemoCustomers handler, CancellationToken ct) => handler.HandleAsync(state, ct))
            .WithName("ListDemoCustomers")
            .WithSummary("Development only: demo customer numbers by situation (overdue, due-soon, paused, disputed, financed).");
}
