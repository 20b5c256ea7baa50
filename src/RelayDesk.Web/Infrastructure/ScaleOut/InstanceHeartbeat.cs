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
    ILogger<InstanceHeartbeat> logger) : BackgroundService
{
    // Made with the service, not in ExecuteAsync (which runs later, on a background thread): once the host has
    // started, moving the clock beats.
    private readonly PeriodicTimer _timer = new(options.Value.HeartbeatInterval, clock);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        Log.Started(logger, instance.Id);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
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

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
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

        // Customers' connections of instances that are gone: nobody else needs them (agents' are reaped by routing,
        // which starts their grace period).
        await db.LiveConnections.Where(c => c.Kind == LiveConnectionKind.Customer && !db.DeskInstances.Any(i => i.Id == c.InstanceId))
            .ExecuteDeleteAsync(cancellationToken);
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
