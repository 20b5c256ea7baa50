using System.Text.Json;
using Microsoft.Extensions.Options;
using RelayDesk.Web.Hubs;
using StackExchange.Redis;

namespace RelayDesk.Web.Infrastructure.ScaleOut;

/// <summary>
/// Carries the workspace change feed between instances over Redis pub/sub: what this instance publishes goes out on
/// <c>{prefix}:desk-feed</c>; what arrives from other instances is raised locally. A message carries its sender, so
/// the publishing instance does not raise its own change a second time.
/// </summary>
internal sealed partial class RedisDeskFeed(
    DeskFeed feed,
    RedisConnection redis,
    ThisInstance instance,
    IOptions<BackplaneOptions> options,
    ILogger<RedisDeskFeed> logger) : IHostedService
{
    private ISubscriber? _subscriber;
    private ChannelMessageQueue? _queue;
    private RedisChannel _channel;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await redis.GetAsync();
        _subscriber = connection.GetSubscriber();
        _channel = RedisChannel.Literal(options.Value.ChannelPrefix + ":desk-feed");
        _queue = await _subscriber.SubscribeAsync(_channel);
        _queue.OnMessage(message => Receive(message.Message)); // One at a time, in the order they were published.
        feed.ForwardTo(Forward);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        feed.ForwardTo(null);
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync();
        }
    }

    private void Forward(DeskChange change)
    {
        var message = new FeedMessage(instance.Id, change.ConversationId, change.QueueChanged);
        _subscriber?.Publish(_channel, JsonSerializer.Serialize(message), CommandFlags.FireAndForget);
    }

    private void Receive(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize<FeedMessage>(value.ToString());
            if (message is not null && message.Instance != instance.Id)
            {
                feed.Receive(new DeskChange(message.ConversationId, message.QueueChanged));
            }
        }
#pragma warning disable CA1031 // A bad message or a failing listener must not end the subscription.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.ReceiveFailed(logger, exception);
        }
    }

    private sealed record FeedMessage(string Instance, Guid ConversationId, bool QueueChanged);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A desk change from another instance could not be raised.")]
        public static partial void ReceiveFailed(ILogger logger, Exception exception);
    }
}
