using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// Runs routing passes: when nudged (a request, a presence change, an answered offer) and on a sweep timer driven by
/// the injected <see cref="TimeProvider"/> (offer timeouts, presence grace, callbacks coming due, SLA deadlines).
/// The first pass runs on start, so whatever was waiting before a restart is routed again from the database.
/// </summary>
public sealed partial class RoutingDispatcher(
    IServiceScopeFactory scopes,
    RoutingSignal signal,
    IOptions<RoutingOptions> options,
    TimeProvider clock,
    ILogger<RoutingDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        var poke = signal.Reader.WaitToReadAsync(stoppingToken).AsTask();
        signal.Poke();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var done = await Task.WhenAny(tick, poke);
                if (done == tick)
                {
                    if (!await tick)
                    {
                        return;
                    }

                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                else
                {
                    await poke;
                    signal.Reader.TryRead(out _);
                    poke = signal.Reader.WaitToReadAsync(stoppingToken).AsTask();
                }

                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RoutingPass>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbUpdateException exception)
            {
                // Another instance's pass changed the same rows first: what it did stands, the next pass reads it.
                Log.PassLostRace(logger, exception.GetType().Name);
            }
#pragma warning disable CA1031 // A failed pass must not stop routing: the next nudge or sweep tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.PassFailed(logger, exception);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A routing pass failed; the next one retries.")]
        public static partial void PassFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "A routing pass met another instance's write ({Error}); the next pass continues from it.")]
        public static partial void PassLostRace(ILogger logger, string error);
    }
}
