using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Data.ScaleOut;

namespace RelayDesk.Web.Infrastructure.ScaleOut;

/// <summary>
/// Registers this instance in the shared database on start and keeps its heartbeat fresh on a timer driven by the
/// injected <see cref="TimeProvider"/>; on a clean stop the row goes, so other instances know at once. Registered
/// after the database initializer and before the workers, so the row exists before this instance claims anything.
/// </summary>
internal sealed partial class InstanceHeartbeat(
    IServiceScopeFactory scopes,
    ThisInstance instance,
    LocalConnections local,
    IOptions<ScaleOutOptions> options,
    TimeProvider clock,
    ILogger<InstanceHeartbeat> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        Log.Started(logger, instance.Id);
        _loop = RunAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
            await db.DeskInstances.Where(i => i.Id == instance.Id).ExecuteDeleteAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Leaving: a row left behind simply times out.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.HeartbeatFailed(logger, exception);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await BeatAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // A missed heartbeat must not stop the next one.
                    Log.HeartbeatFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Refreshes the heartbeat; if the row is gone (others took this instance for dead), writes it and this instance's connections back.</summary>
    internal async Task BeatAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.InstanceTimeout;
        await db.DeskInstances.Where(i => i.Id != instance.Id && i.HeartbeatAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var updated = await db.DeskInstances.Where(i => i.Id == instance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAt, now), cancellationToken);
        if (updated > 0)
        {
            return;
        }

        db.DeskInstances.Add(new DeskInstance { Id = instance.Id, Host = Environment.MachineName, StartedAt = now, HeartbeatAt = now });
        var mine = local.Snapshot();
        var stored = await db.LiveConnections.Where(c => c.InstanceId == instance.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        db.LiveConnections.AddRange(mine.Where(c => !stored.Contains(c.Id)).Select(c => new LiveConnection
        {
            Id = c.Id,
            InstanceId = c.InstanceId,
            Kind = c.Kind,
            Subject = c.Subject,
            ConnectedAt = c.ConnectedAt,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Desk instance {InstanceId} registered.")]
        public static partial void Started(ILogger logger, string instanceId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The instance heartbeat could not be written; the next one retries.")]
        public static partial void HeartbeatFailed(ILogger logger, Exception exception);
    }
}
