using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace RelayDesk.Data;

public static class DatabaseMigrator
{
    // Any fixed number: the key of the PostgreSQL advisory lock that instances take while they set up the database.
    private const long StartupLockKey = 0x52656C6179;

    /// <summary>
    /// Applies the migrations (never EnsureCreated, so the schema can evolve) and switches SQLite to WAL so readers
    /// do not block the writer.
    /// </summary>
    public static async Task MigrateAsync(RelayDeskDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Holds the database's start-up lock until disposed, so instances that start together on one PostgreSQL
    /// database migrate and seed one after the other (a session advisory lock on this context's connection, released
    /// with it also when the instance dies). Creates the PostgreSQL database when it does not exist yet. On SQLite (one instance per file) there is nothing to lock.
    /// </summary>
    public static async Task<IAsyncDisposable> LockForStartupAsync(RelayDeskDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return NoLock.Instance;
        }

        // The lock lives in the database, so create it first (as Migrate would); another instance may just have done so.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
            }
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLockKey})", cancellationToken);
        return new StartupLock(db);
    }

    private sealed class StartupLock(RelayDeskDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLockKey})");
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
