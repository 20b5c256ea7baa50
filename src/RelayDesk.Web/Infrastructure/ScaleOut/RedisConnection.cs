using StackExchange.Redis;

namespace RelayDesk.Web.Infrastructure.ScaleOut;

/// <summary>
/// The one Redis connection of this instance, shared by the SignalR backplane and the desk feed. It does not abort
/// when Redis is down at start: it keeps reconnecting, so an instance comes up and joins once Redis is back.
/// </summary>
public sealed class RedisConnection(string configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(async () =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    });

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
