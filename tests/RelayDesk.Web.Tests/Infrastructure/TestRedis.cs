using StackExchange.Redis;

namespace RelayDesk.Web.Tests.Infrastructure;

/// <summary>
/// The Redis the scale-out tests use: <c>RELAYDESK_TEST_REDIS</c>, else <c>127.0.0.1:6379</c> (what .ci/run starts).
/// Checked once per run, so a missing Redis fails with a message that says what to do rather than a timeout.
/// </summary>
internal static class TestRedis
{
    private static readonly Lazy<string> Checked = new(Check);

    public static string ConnectionString => Checked.Value;

    private static string Check()
    {
        var configured = Environment.GetEnvironmentVariable("RELAYDESK_TEST_REDIS");
        var connection = string.IsNullOrWhiteSpace(configured) ? "127.0.0.1:6379" : configured;
        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        try
        {
            using var redis = ConnectionMultiplexer.Connect(options);
            redis.GetDatabase().Ping();
        }
        catch (RedisConnectionException exception)
        {
            throw new InvalidOperationException(
                $"The scale-out tests need Redis at {connection} and cannot reach it. Start one (e.g. `redis-server --daemonize yes "
                + "--port 6379 --save \"\" --appendonly no --bind 127.0.0.1`, as .ci/run does) or point RELAYDESK_TEST_REDIS at one.",
                exception);
        }

        return connection;
    }
}
