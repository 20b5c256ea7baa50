using RelayDesk.Web.Auth;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.EmailReplies;

public static class EmailRepliesModule
{
    public static IServiceCollection AddEmailReplies(this IServiceCollection services)
    {
        services.AddOptions<EmailReplyOptions>().BindConfiguration(EmailReplyOptions.Section)
            .Validate(o => o.ChatPageUrl.IsAbsoluteUri, "EmailReplies:ChatPageUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddScoped<CustomerConnections>();
        services.AddScoped<ChooseEmailReply>();
        services.AddScoped<EmailReplyOutbox>();
        return services;
    }

    /// <summary>The customer's choice: <c>POST /api/v1/conversations/{id}/email-reply</c>.</summary>
    public static IEndpointRouteBuilder MapEmailReplies(this IEndpointRouteBuilder endpoints)
    {
        var customer = endpoints.MapGroup("/api/v1/conversations").WithTags("Conversations").RequireAuthorization(Policies.Customer)
            .WithCustomerBodyLimit(endpoints);
        ChooseEmailReply.Map(customer);
        return endpoints;
    }
}
