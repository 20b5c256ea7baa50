using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Infrastructure.ScaleOut;

namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>
/// Runs assistant turns in the background so a customer's message is acknowledged as soon as it is stored. Turns of
/// one conversation run one after another; different conversations run side by side. On start it picks up turns
/// that were acknowledged but not answered before a restart, and looks again every
/// <see cref="ScaleOutOptions.InstanceTimeout"/> (on the injected clock) for turns left by an instance that died. Whether
/// this instance may answer is decided by the turn's claim (<see cref="TurnClaims"/>): recovery never takes a turn a
/// live instance is answering.
/// </summary>
internal sealed partial class AssistantWorker(
    AssistantInbox inbox,
    IServiceScopeFactory scopes,
    IOptions<AssistantOptions> options,
    IOptions<ScaleOutOptions> scaleOut,
    TimeProvider clock,
    ILogger<AssistantWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    // Made with the service, not in ExecuteAsync (which runs later, on a background thread): once the host has
    // started, moving the clock looks for turns of dead instances.
    private readonly PeriodicTimer _recoveryTimer = new(scaleOut.Value.InstanceTimeout, clock);

    public override void Dispose()
    {
        _recoveryTimer.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        var recovering = RecoverPeriodicallyAsync(stoppingToken);
        using var slots = new SemaphoreSlim(options.Value.ConcurrentTurns);
        await foreach (var work in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            var id = work.ConversationId;
            var previous = _running.GetValueOrDefault(id, Task.CompletedTask);
            var turn = RunAfterAsync(previous, work, slots, stoppingToken);
            _running[id] = turn;
            _ = turn.ContinueWith(t => _running.TryRemove(new KeyValuePair<Guid, Task>(id, t)), TaskScheduler.Default);
        }

        await Task.WhenAll(_running.Values);
        await recovering;
    }

    private async Task RecoverPeriodicallyAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _recoveryTimer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RecoverAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRecoveryFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunAfterAsync(Task previous, AssistantWork work, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var id = work.ConversationId;
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await slots.WaitAsync(stoppingToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AssistantTurnHandler>().HandleAsync(work, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogTurnFailed(logger, exception, id);
            await HandOverAsync(id, exception.GetType().Name, stoppingToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task HandOverAsync(Guid id, string detail, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AssistantTurnHandler>().HandOverAfterFailureAsync(id, detail, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Storage itself is failing; the turn is picked up again by recovery on the next start.
            LogTurnFailed(logger, exception, id);
        }
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        var waiting = await db.Conversations.AsNoTracking()
            .Where(c => c.State == ConversationState.Assistant)
            .Where(c => c.Messages.OrderByDescending(m => m.Seq).Select(m => m.Author).FirstOrDefault() == MessageAuthor.Customer)
            .Select(c => c.Id)
            .ToListAsync(stoppingToken);
        foreach (var id in waiting)
        {
            inbox.Post(id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for unanswered assistant turns failed; the next look retries")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Assistant turn for conversation {ConversationId} could not be completed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, Guid conversationId);
}
