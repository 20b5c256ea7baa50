using System.Threading.Channels;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Hubs;

/// <summary>
/// The after-commit fan-out, off the write path: the conversation writer hands over what it committed and goes on
/// with the next batch; this publishes in commit order, everything that piled up meanwhile in one go
/// (<see cref="DeskNotifier"/>). A failed publish is logged — the change itself is stored, and clients catch up from
/// the database (the widget from its last sequence number, the workspace on its next load).
/// </summary>
public sealed partial class DeskEventDispatcher(IServiceScopeFactory scopes, ILogger<DeskEventDispatcher> logger) : BackgroundService, IDeskEvents
{
    private const int MaxBatch = 1024;

    private readonly Channel<CommittedChange> _committed = Channel.CreateUnbounded<CommittedChange>(new UnboundedChannelOptions { SingleReader = true });

    public void Committed(IReadOnlyList<CommittedChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            _committed.Writer.TryWrite(change);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CommittedChange>();
        try
        {
            while (await _committed.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _committed.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DeskNotifier>().PublishAsync(batch, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogPublishFailed(logger, exception, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing {Count} committed conversation changes failed; clients catch up from the database")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}
