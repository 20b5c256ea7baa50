using RelayDesk.Web.Auth;

namespace RelayDesk.Web.Features.Agent;

public static class AgentModule
{
    public static IServiceCollection AddAgentDesk(this IServiceCollection services)
    {
        services.AddScoped<CurrentAgent>();
        services.AddScoped<AgentQueries>();
        services.AddScoped<GetAgentConversation>();
        services.AddScoped<AcceptConversation>();
        services.AddScoped<SendAgentMessage>();
        services.AddScoped<ResolveConversation>();
        services.AddScoped<GetCaseAssist>();
        services.AddSingleton<RelayDesk.Assistant.Handover.CaseSummarizer>();
        return services;
    }

    /// <summary>The staff side of the public API: <c>/api/v1/agent</c>, for signed-in agents only.</summary>
    public static IEndpointRouteBuilder MapAgentDesk(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/agent")
            .WithTags("Agent")
            .RequireAuthorization(Policies.Agent);
        GetQueue.Map(group);
        GetMyConversations.Map(group);
        GetAgentConversation.Map(group);
        AcceptConversation.Map(group);
        SendAgentMessage.Map(group);
        ResolveConversation.Map(group);
        GetCaseAssist.Map(group);
        return endpoints;
    }
}
