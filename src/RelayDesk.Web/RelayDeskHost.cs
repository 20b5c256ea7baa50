using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using RelayDesk.Assistant;
using RelayDesk.Assistant.Conversation;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Llm;
using RelayDesk.Assistant.Nlu;
using RelayDesk.Data;
using RelayDesk.Data.Seeding;
using RelayDesk.Web.Auth;
using RelayDesk.Web.Components;
using RelayDesk.Web.Features.Accounts;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Features.AssistantTurns;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.Demo;
using RelayDesk.Web.Features.EmailReplies;
using RelayDesk.Web.Features.Escalation;
using RelayDesk.Web.Features.Routing;
using RelayDesk.Web.Features.Staffing;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Infrastructure;
using RelayDesk.Web.Infrastructure.RateLimiting;
using RelayDesk.Web.Infrastructure.ScaleOut;

namespace RelayDesk.Web;

/// <summary>The composition root: each area registers and maps itself.</summary>
public static class RelayDeskHost
{
    public static WebApplicationBuilder AddRelayDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi();

        builder.AddRelayDeskData();
        builder.AddRelayDeskScaleOut();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoHistorySeeder>();
        services.AddScoped<DemoAccountsSeeder>();
        builder.AddRelayDeskAuth();

        services.AddSingleton(_ => new KnowledgeBase(HelpArticleCatalog.LoadBuiltIn()));
        services.AddSingleton<EmbeddedIntentModel>();
        services.AddSingleton<IIntentRecognizer>(provider => provider.GetRequiredService<EmbeddedIntentModel>());
        services.AddSingleton<LanguageDetector>();
        services.AddSingleton<ILanguageDetector>(provider => provider.GetRequiredService<LanguageDetector>());
        services.AddHostedService<IntentModelWarmup>();
        services.AddSingleton<EmbeddedAssistant>();
        services.AddAssistantProvider();
        services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.Section)
            .Validate(o => o.TurnTimeout > TimeSpan.Zero && o.MaxConcurrentTurns >= 0, "Assistant:TurnTimeout must be positive and Assistant:MaxConcurrentTurns not negative.")
            .ValidateOnStart();
        services.AddOptions<AssistantProviderOptions>()
            .Validate<IOptions<AssistantOptions>>(
                (provider, turns) => provider.Provider != AssistantProvider.OpenAI || provider.OpenAI.TurnBudget < turns.Value.TurnTimeout,
                "Assistant:OpenAI:TurnBudget must be shorter than Assistant:TurnTimeout, so the embedded assistant can still answer when the model is slow.");
        services.AddSingleton<AssistantInbox>();
        services.AddSingleton<RecentTranscripts>();
        services.AddScoped<AssistantTurnHandler>();
        services.AddScoped<TurnClaims>();
        services.AddHostedService<AssistantWorker>();

        services.AddEscalation();
        services.AddConversations();
        services.AddAgentDesk();
        services.AddStaffing();
        services.AddAccounts();
        services.AddDemo();
        services.AddQueueRouting();
        services.AddEmailReplies();
        services.AddRateLimits();

        services.AddSingleton<DeskFeed>();
        services.AddScoped<DeskNotifier>();
        services.AddSingleton<QueueBroadcast>();
        services.AddHostedService(provider => provider.GetRequiredService<QueueBroadcast>());
        services.AddSingleton<DeskEventDispatcher>();
        services.AddSingleton<IDeskEvents>(provider => provider.GetRequiredService<DeskEventDispatcher>());
        services.AddHostedService(provider => provider.GetRequiredService<DeskEventDispatcher>());
        services.AddSignalR(options =>
        {
            options.AddFilter<HubErrorFilter>();
            options.MaximumReceiveMessageSize = 64 * 1024;
        });

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        return builder;
    }

    public static WebApplication UseRelayDesk(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimits();
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapGroup("/api/v1/auth").WithTags("Auth").MapIdentityApi<AgentUser>().Add(OnlyAdminsRegisterStaff);
        app.MapConversations();
        app.MapAgentDesk();
        app.MapStaffing();
        app.MapAccounts();
        if (app.Environment.IsDevelopment())
        {
            app.MapDemo();
        }
        app.MapQueueRouting();
        app.MapEmailReplies();
        app.MapHub<CustomerHub>("/hubs/customer");
        app.MapHub<AgentHub>("/hubs/agent");
        app.MapPost("/agent/logout", async (SignInManager<AgentUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/agent/login");
        }).DisableAntiforgery();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Staff accounts are created by admins, never by self-registration.</summary>
    private static void OnlyAdminsRegisterStaff(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.EndsWith("/register", StringComparison.Ordinal) == true)
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Roles.Admin, AuthenticationSchemes = AuthSetup.StaffScheme });
        }
    }
}
