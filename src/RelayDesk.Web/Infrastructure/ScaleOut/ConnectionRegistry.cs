using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Data.ScaleOut;

namespace RelayDesk.Web.Infrastructure.ScaleOut;

/// <summary>
/// Live real-time connections of every instance, kept in the shared database so any instance can tell whether an agent
/// (or a customer) is connected anywhere. A connection counts only while its instance's heartbeat is fresh: when an
/// instance dies without closing its connections, they stop counting after <see cref="ScaleOutOptions.InstanceTimeout"/>.
/// </summary>
public sealed class ConnectionRegistry(
    RelayDeskDbContext db,
    ThisInstance instance,
    LocalConnections local,
    IOptions<ScaleOutOptions> options,
    TimeProvider clock)
{
    public async Task AddAsync(LiveConnectionKind kind, string subject, string connectionId, CancellationToken cancellationToken)
    {
        var connection = new LiveConnection
        {
            Id = connectionId,
            InstanceId = instance.Id,
            Kind = kind,
            Subject = subject,
            ConnectedAt = clock.GetUtcNow(),
        };
        local.Add(connection);
        db.LiveConnections.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(connection).State = EntityState.Detached;
    }

    public async Task RemoveAsync(string connectionId, CancellationToken cancellationToken)
    {
        local.Remove(connectionId);
        await db.LiveConnections.Where(c => c.Id == connectionId).ExecuteDeleteAsync(cancellationToken);
    }

    public Task<bool> IsConnectedAsync(LiveConnectionKind kind, string subject, CancellationToken cancellationToken) =>
        Live().AnyAsync(c => c.Kind == kind && c.Subject == subject, cancellationToken);

    /// <summary>Which of the given subjects have a live connection on some live instance.</summary>
    public async Task<HashSet<string>> ConnectedAsync(LiveConnectionKind kind, IReadOnlyCollection<string> subjects, CancellationToken cancellationToken)
    {
        var connected = await Live().Where(c => c.Kind == kind && subjects.Contains(c.Subject)).Select(c => c.Subject).Distinct()
            .ToListAsync(cancellationToken);
        return connected.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Connections left behind by instances that died without closing them: their subjects, and then the rows are
    /// removed. Called by routing, which starts the grace period for agents who had no other connection.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReapDeadAsync(LiveConnectionKind kind, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.InstanceTimeout;
        var me = instance.Id;
        var dead = await db.LiveConnections.AsNoTracking()
            .Where(c => c.Kind == kind && c.InstanceId != me && !db.DeskInstances.Any(i => i.Id == c.InstanceId && i.HeartbeatAt >= cutoff))
            .Select(c => new { c.Id, c.Subject }).ToListAsync(cancellationToken);
        if (dead.Count == 0)
        {
            return [];
        }

        var ids = dead.Select(c => c.Id).ToList();
        await db.LiveConnections.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        return dead.Select(c => c.Subject).Distinct(StringComparer.Ordinal).ToList();
    }

    private IQueryable<LiveConnection> Live()
    {
        var cutoff = clock.GetUtcNow() - options.Value.InstanceTimeout;
        var me = instance.Id;
        return db.LiveConnections.AsNoTracking()
            .Where(c => c.InstanceId == me || db.DeskInstances.Any(i => i.Id == c.InstanceId && i.HeartbeatAt >= cutoff));
    }
}

/// <summary>
/// This instance's own live connections, kept in memory too: if other instances once took this one for dead (a long
/// pause) and dropped its rows, the heartbeat writes them back.
/// </summary>
public sealed class LocalConnections
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);

    public void Add(LiveConnection connection) => _connections[connection.Id] = connection;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyCollection<LiveConnection> Snapshot() => _connections.Values.ToList();
}
