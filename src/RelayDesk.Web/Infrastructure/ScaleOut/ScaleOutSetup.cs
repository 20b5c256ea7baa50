using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using RelayDesk.Data;
using StackExchange.Redis;

namespace RelayDesk.Web.Infrastructure.ScaleOut;

public static class ScaleOutSetup
{
    /// <summary>
    /// What lets several instances behind a load balancer work as one desk: an instance registry with heartbeats and
    /// live connections in the shared database, Data Protection keys in the database (staff cookies, circuits and
    /// antiforgery tokens made by one instance are read by the others) and, with <c>SignalR:Redis</c> set, the Redis
    /// backplane for hubs and the workspace feed. Call after the database is registered and before the workers.
    /// </summary>
    public static WebApplicationBuilder AddRelayDeskScaleOut(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ScaleOutOptions>().BindConfiguration(ScaleOutOptions.Section)
            .Validate(o => o.IsValid(), "ScaleOut:HeartbeatInterval must be positive and shorter than ScaleOut:InstanceTimeout.")
            .ValidateOnStart();
        services.AddOptions<BackplaneOptions>().BindConfiguration(BackplaneOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChannelPrefix), "SignalR:ChannelPrefix must not be empty.")
            .ValidateOnStart();
        services.AddSingleton<ThisInstance>();
        services.AddSingleton<LocalConnections>();
        services.AddScoped<ConnectionRegistry>();
        services.AddHostedService<InstanceHeartbeat>();

        services.AddDataProtection().SetApplicationName("RelayDesk").PersistKeysToDbContext<RelayDeskDbContext>();

        var backplane = builder.Configuration.GetSection(BackplaneOptions.Section).Get<BackplaneOptions>() ?? new BackplaneOptions();
        if (!string.IsNullOrWhiteSpace(backplane.Redis))
        {
            services.AddSingleton(_ => new RedisConnection(backplane.Redis));
            services.AddSignalR().AddStackExchangeRedis(options =>
                options.Configuration.ChannelPrefix = RedisChannel.Literal(backplane.ChannelPrefix));
            services.AddOptions<RedisOptions>().Configure<RedisConnection>((options, redis) =>
                options.ConnectionFactory = async _ => await redis.GetAsync());
            services.AddHostedService<RedisDeskFeed>();
        }

        return builder;
    }
}
