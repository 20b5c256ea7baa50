using System.Threading.Channels;

namespace RelayDesk.Web.Hubs;

/// <summary>
/// Tells agents the queue and every waiting customer their place and wait — once for however many changes arrived
/// meanwhile: a request while one broadcast runs makes exactly one more, from the state as it is then. Under load, a
/// waiting customer gets one update per broadcast instead of one per change anywhere in the queue.
/// </summary>
public sealed partial class QueueBroadcast(IServiceScopeFactory scopes, ILogger<QueueBroadcast> logger) : BackgroundService
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>The queue changed: a broadcast follows (at once, or right after the one running).</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _requests.Reader.WaitToReadAsync(stoppingToken))
            {
                _requests.Reader.TryRead(out _);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DeskNotifier>().PublishQueueNowAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogBroadcastFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcasting the queue failed; the next change broadcasts it again")]
    private static partial void LogBroadcastFailed(ILogger logger, Exception exception);
}
