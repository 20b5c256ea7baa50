using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using RelayDesk.Data;

namespace RelayDesk.Web.Auth;

public static class AuthSetup
{
    /// <summary>
    /// Identity's combined staff scheme (set up by <c>AddIdentityApiEndpoints</c>): the bearer token when a request
    /// carries one, else the workspace cookie.
    /// </summary>
    public const string StaffScheme = "Identity.BearerAndApplication";

    /// <summary>
    /// Staff sign in through ASP.NET Core Identity (cookie for the workspace, bearer token for the API and hub);
    /// customers hold a signed conversation token. Every endpoint and hub names the policy it needs.
    /// </summary>
    public static WebApplicationBuilder AddRelayDeskAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var tokenOptions = builder.Configuration.GetSection(CustomerTokenOptions.Section).Get<CustomerTokenOptions>() ?? new CustomerTokenOptions();
        var key = CustomerTokens.LoadKey(tokenOptions, builder.Environment.ContentRootPath);
        services.AddSingleton(new CustomerTokens(key, tokenOptions, TimeProvider.System));

        services.AddIdentityApiEndpoints<AgentUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RelayDeskDbContext>();

        services.AddAuthentication()
            .AddJwtBearer(CustomerTokens.Scheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = builder.Environment.IsDevelopment() ? [CustomerTokens.Issuer, CustomerTokens.DevelopmentIssuer] : [CustomerTokens.Issuer],
                    ValidAudience = CustomerTokens.Audience,
                    IssuerSigningKey = key,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                options.Events = new() { OnMessageReceived = context => TokenFromQuery(context.HttpContext, "/hubs/customer", t => context.Token = t) };
            });

        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
            options.Events = new() { OnMessageReceived = context => TokenFromQuery(context.HttpContext, "/hubs/agent", t => context.Token = t) });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/agent/login";
            options.Cookie.Name = "relaydesk.staff";
            options.Events = new CookieAuthenticationEvents
            {
                // APIs and hubs answer 401/403 instead of redirecting to the login page.
                OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden),
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Agent, policy => policy
                .AddAuthenticationSchemes(StaffScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Workspace, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Supervisor, policy => policy
                .AddAuthenticationSchemes(StaffScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.SupervisorWorkspace, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Customer, policy => policy
                .AddAuthenticationSchemes(CustomerTokens.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(CustomerTokens.ConversationClaim))
            .AddPolicy(Policies.CustomerAccount, policy => policy
                .AddAuthenticationSchemes(CustomerTokens.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(CustomerTokens.CustomerClaim));

        return builder;
    }

    private static Task TokenFromQuery(HttpContext context, string hubPath, Action<string> setToken)
    {
        // Browsers cannot set headers on WebSocket/SSE requests; SignalR sends the token in the query string instead.
        var token = context.Request.Query["access_token"].ToString();
        if (token.Length > 0 && context.Request.Path.StartsWithSegments(hubPath))
        {
            setToken(token);
        }

        return Task.CompletedTask;
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
