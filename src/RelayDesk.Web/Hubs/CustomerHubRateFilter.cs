using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Hubs;

/// <summary>
/// Limits how often one customer-hub connection may call the hub (<see cref="RateLimitOptions.HubMessages"/>): a call
/// over the limit is refused with a readable <see cref="HubException"/> in the conversation's language and runs no
/// use case, so nothing is stored. <c>Join</c> is not counted — a reconnecting widget calls it once per connection.
/// </summary>
internal sealed class CustomerHubRateFilter(IOptions<RateLimitOptions> options, IServiceScopeFactory scopes) : IHubFilter
{
    private const string LimiterKey = "relaydesk.rate-limiter";
    private const string LanguageKey = "relaydesk.language";

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var settings = options.Value;
        if (settings.Enabled)
        {
            context.Context.Items[LimiterKey] = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.HubMessages.PermitLimit,
                Window = settings.HubMessages.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }

        return next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var connection = invocationContext.Context;
        if (invocationContext.HubMethodName != nameof(CustomerHub.Join) && connection.Items.TryGetValue(LimiterKey, out var item) && item is RateLimiter limiter)
        {
            using var lease = limiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                throw new HubException(RateLimitTexts.SendingTooQuickly(await LanguageAsync(connection)));
            }
        }

        return await next(invocationContext);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.Remove(LimiterKey, out var item) && item is IAsyncDisposable limiter)
            {
                await limiter.DisposeAsync();
            }
        }
    }

    /// <summary>The conversation's language, looked up once per connection and only when a call is refused.</summary>
    private async Task<string> LanguageAsync(HubCallerContext connection)
    {
        if (connection.Items.TryGetValue(LanguageKey, out var known) && known is string language)
        {
            return language;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        var id = CustomerAccess.Own(connection.User!);
        language = await db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => c.Language).SingleOrDefaultAsync(connection.ConnectionAborted) ?? "en";
        connection.Items[LanguageKey] = language;
        return language;
    }
}
