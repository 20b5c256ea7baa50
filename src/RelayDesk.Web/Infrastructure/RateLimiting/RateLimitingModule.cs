using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Web.Auth;
using RelayDesk.Web.Hubs;

namespace RelayDesk.Web.Infrastructure.RateLimiting;

/// <summary>The named limits endpoints opt into with <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Starting a chat, per client IP address.</summary>
    public const string ConversationStarts = "conversation-starts";

    /// <summary>A customer's writes (messages, request for a person, callback, e-mail choice), per conversation token.</summary>
    public const string ConversationWrites = "conversation-writes";

    /// <summary>Demo customer tokens, per client IP address.</summary>
    public const string DemoTokens = "demo-tokens";
}

/// <summary>
/// ASP.NET Core's rate limiting for the public endpoints (named policies), a generous per-user limit for staff on every
/// API call (the global limiter), the customer hub's per-connection limit and message size, and the request body limit
/// of the customer endpoints. The limiters keep their own clock (they take no <see cref="TimeProvider"/>).
/// </summary>
public static class RateLimitingModule
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.IsValid(), "RateLimits: every PermitLimit and Window must be positive, and the size limits at least 8 KB.")
            .ValidateOnStart();
        services.AddSingleton<CustomerHubRateFilter>();
        // The customer hub gets options of its own (a copy of the global ones, filters included); ours are set after that copy.
        services.AddSignalR().AddHubOptions<CustomerHub>(_ => { });
        services.AddOptions<HubOptions<CustomerHub>>().PostConfigure<IOptions<RateLimitOptions>>((hub, limits) =>
        {
            hub.MaximumReceiveMessageSize = limits.Value.CustomerHubMaximumReceiveMessageSize;
            hub.AddFilter<CustomerHubRateFilter>();
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(RateLimitPolicies.ConversationStarts, context => PerKey(context, ClientAddress(context), o => o.ConversationStarts));
            options.AddPolicy(RateLimitPolicies.DemoTokens, context => PerKey(context, ClientAddress(context), o => o.DemoTokens));
            options.AddPolicy(RateLimitPolicies.ConversationWrites, context =>
                PerKey(context, CustomerTokens.ConversationOf(context.User)?.ToString("N") ?? ClientAddress(context), o => o.ConversationWrites));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                StaffMember(context) is { } staff ? PerKey(context, staff, o => o.Staff) : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }

    /// <summary>
    /// The limits in the pipeline, after authorisation (so staff and conversation tokens are known): the rate limiter,
    /// and the request body limit of the endpoints that carry one — a declared body over it is refused at once with 413
    /// problem details (Kestrel also stops a longer chunked body at the limit).
    /// </summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } max }
                && context.Request.ContentLength > max)
            {
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = string.Create(CultureInfo.InvariantCulture, $"The request body is larger than {max} bytes."),
                };
                problem.Extensions["code"] = "request.too_large";
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
                return;
            }

            await next(context);
        });
    }

    /// <summary>
    /// The customer endpoints' request body limit (413 above it), read when they are mapped; routing hands it to the
    /// server before the body is read.
    /// </summary>
    public static TBuilder WithCustomerBodyLimit<TBuilder>(this TBuilder builder, IEndpointRouteBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var limit = endpoints.ServiceProvider.GetRequiredService<IOptions<RateLimitOptions>>().Value.CustomerRequestBodyLimit;
        return builder.WithMetadata(new RequestSizeLimitAttribute(limit));
    }

    private static RateLimitPartition<string> PerKey(HttpContext context, string key, Func<RateLimitOptions, RateLimitRule> rule)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var chosen = rule(options);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = chosen.PermitLimit,
            Window = chosen.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// The caller's address. Behind a reverse proxy, configure the forwarded-headers middleware so this is the
    /// customer's address rather than the proxy's.
    /// </summary>
    private static string ClientAddress(HttpContext context) =>
        "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString());

    /// <summary>A signed-in staff member calling the API (after authorisation set the user), or null for anyone else.</summary>
    private static string? StaffMember(HttpContext context)
    {
        var user = context.User;
        if (!context.Request.Path.StartsWithSegments("/api") || user.Identity?.IsAuthenticated != true
            || !(user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin)))
        {
            return null;
        }

        return user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "staff:" + id : null;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var language = await LanguageAsync(context, cancellationToken);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = RateLimitTexts.TooManyRequests(language, seconds),
        };
        problem.Extensions["code"] = "rate_limited";
        problem.Extensions["retryAfterSeconds"] = seconds;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>The conversation's language for a customer token; otherwise the browser's preference (German or English).</summary>
    private static async Task<string> LanguageAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (CustomerTokens.ConversationOf(context.User) is { } conversationId)
        {
            var db = context.RequestServices.GetRequiredService<RelayDeskDbContext>();
            var stored = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.Language).SingleOrDefaultAsync(cancellationToken);
            if (stored is not null)
            {
                return stored;
            }
        }

        var preferred = context.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault()?.Value.Value;
        return preferred?.StartsWith("de", StringComparison.OrdinalIgnoreCase) == true ? "de" : "en";
    }
}
