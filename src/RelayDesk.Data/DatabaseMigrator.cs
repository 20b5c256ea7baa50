using Microsoft.EntityFrameworkCore;

namespace RelayDesk.Data;

public static class DatabaseMigrator
{
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
}
