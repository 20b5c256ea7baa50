using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.Demo;

public static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<IssueCustomerToken>();
        services.AddScoped<ListDemoCustomers>();
        return services;
    }

    /// <summary>
    /// <c>/api/v1/demo</c>: lets visitors of a development desk "log in" as a demo customer. Mapped only in the
    /// Development environment — a real desk gets customer tokens from its identity provider.
    /// </summary>
    public static IEndpointRouteBuilder MapDemo(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/demo").WithTags("Demo").AllowAnonymous().WithCustomerBodyLimit(endpoints);
        IssueCustomerToken.Map(group);
        ListDemoCustomers.Map(group);
        return endpoints;
    }
}
