using RelayDesk.Web.Auth;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.Conversations;

public static class ConversationsModule
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<ConversationWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ConversationWriter>());
        services.AddScoped<ConversationStore>();
        services.AddScoped<QueueQueries>();
        services.AddScoped<StartConversation>();
        services.AddScoped<GetConversation>();
        services.AddScoped<SendMessage>();
        services.AddScoped<GetMessages>();
        services.AddScoped<RequestHuman>();
        services.AddScoped<CloseConversation>();
        return services;
    }

    /// <summary>The customer side of the public API: <c>/api/v1/conversations</c>, authorised by the conversation token.</summary>
    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/conversations")
            .WithTags("Conversations")
            .RequireAuthorization(Policies.Customer)
            .WithCustomerBodyLimit(endpoints);
        StartConversation.Map(group);
        GetConversation.Map(group);
        SendMessage.Map(group);
        GetMessages.Map(group);
        RequestHuman.Map(group);
        CloseConversation.Map(group);
        return endpoints;
    }
}
