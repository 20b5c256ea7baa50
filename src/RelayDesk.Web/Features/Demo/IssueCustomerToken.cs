using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Domain;
using RelayDesk.Web.Auth;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.Demo;

/// <summary>Development only: a signed customer token for a demo customer number, as a login would give.</summary>
public sealed class IssueCustomerToken(RelayDeskDbContext db, CustomerTokens tokens)
{
    public sealed record Request(string? CustomerNumber);

    public sealed record Response(string Token, string CustomerNumber, string Name, string Language);

    public async Task<Response?> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var number = request.CustomerNumber?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(number) || number.Length > 64)
        {
            throw new DomainException("demo.customer-number", "Give a demo customer number, e.g. C-100001.");
        }

        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == number, cancellationToken);
        return customer is null ? null : new Response(tokens.IssueForCustomer(customer.Id), customer.Id, customer.Name, customer.Language);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/customer-token", async Task<IResult> (Request request, IssueCustomerToken handler, CancellationToken ct) =>
                await handler.HandleAsync(request, ct) is { } response
                    ? TypedResults.Ok(response)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Customer not found",
                        detail: $"There is no demo customer {request.CustomerNumber}.", extensions: new Dictionary<string, object?> { ["code"] = "customer.not_found" }))
            .RequireRateLimiting(RateLimitPolicies.DemoTokens)
            .WithName("IssueDemoCustomerToken")
            .WithSummary("Development only: a customer token for a demo customer (log in to the widget as them).");
}
