using RelayDesk.Web.Auth;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.Routing;

public static class RoutingModule
{
    public static IServiceCollection AddQueueRouting(this IServiceCollection services)
    {
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section)
            .Validate(o => o.IsValid(), "Routing options must be positive (Routing:OfferTimeout, Routing:CallbacksPerSlot, Routing:SlaShare in (0, 1], …).")
            .ValidateOnStart();
        services.AddSingleton<RoutingSignal>();
        services.AddScoped<RoutingPictureLoader>();
        services.AddScoped<WaitingRoom>();
        services.AddScoped<RoutingPass>();
        services.AddScoped<SetPresence>();
        services.AddScoped<PresenceTracker>();
        services.AddScoped<AnswerOffer>();
        services.AddScoped<TransferConversation>();
        services.AddScoped<BookCallback>();
        services.AddScoped<GetSla>();
        services.AddScoped<ConfigureAgentRouting>();
        services.AddScoped<ManageTeams>();
        services.AddScoped<EditTeam>();
        services.AddScoped<RemoveTeam>();
        services.AddHostedService<RoutingDispatcher>();
        return services;
    }

    /// <summary>Presence, offers and transfers for agents; reassignment and SLA for supervisors; callbacks for customers.</summary>
    public static IEndpointRouteBuilder MapQueueRouting(this IEndpointRouteBuilder endpoints)
    {
        var agent = endpoints.MapGroup("/api/v1/agent").WithTags("Routing").RequireAuthorization(Policies.Agent);
        var supervisor = endpoints.MapGroup("/api/v1/supervisor").WithTags("Supervisor").RequireAuthorization(Policies.Supervisor);
        var customer = endpoints.MapGroup("/api/v1/conversations").WithTags("Conversations").RequireAuthorization(Policies.Customer)
            .WithCustomerBodyLimit(endpoints);
        SetPresence.Map(agent);
        AnswerOffer.Map(agent);
        TransferConversation.Map(agent, supervisor);
        GetSla.Map(supervisor);
        ConfigureAgentRouting.Map(supervisor);
        ManageTeams.Map(supervisor);
        BookCallback.Map(customer);
        return endpoints;
    }
}
