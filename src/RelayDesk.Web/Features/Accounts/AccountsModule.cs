using Microsoft.Extensions.DependencyInjection.Extensions;
using RelayDesk.Assistant.Llm;
using RelayDesk.Data.Accounts;
using RelayDesk.Domain.Accounts;
using RelayDesk.Domain.Accounts.Errands;
using RelayDesk.Web.Auth;

namespace RelayDesk.Web.Features.Accounts;

public static class AccountsModule
{
    /// <summary>The BNPL account errands (one implementation for the assistant, agents and external models) and the customer's account API.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton(AccountPolicy.Default);
        services.AddScoped<AccountErrands>();
        services.AddSingleton<IAccountErrands, ScopedAccountErrands>();
        services.AddScoped<GetMyPurchases>();
        services.AddScoped<AgentAccountErrands>();

        // An external model (Assistant:Provider=OpenAI) gets the same errands as tools, and the customer's own
        // personal data is redacted before anything leaves.
        services.AddScoped<AssistantAccountErrands>();
        services.Replace(ServiceDescriptor.Singleton<IAssistantToolbox, ErrandToolbox<AssistantAccountErrands>>());
        services.Replace(ServiceDescriptor.Scoped<ICustomerPersonalData, CustomerPersonalData>());
        return services;
    }

    /// <summary>
    /// <c>/api/v1/me</c>: the signed-in customer's own account (customer token); <c>/api/v1/agent/conversations/{id}/account</c>:
    /// agents working on the linked customer's account with the same errands (staff sign-in).
    /// </summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/v1/me").WithTags("Accounts").RequireAuthorization(Policies.CustomerAccount);
        GetMyPurchases.Map(me);
        var agent = endpoints.MapGroup("/api/v1/agent").WithTags("Accounts").RequireAuthorization(Policies.Agent);
        AgentAccountErrands.Map(agent);
        return endpoints;
    }
}
