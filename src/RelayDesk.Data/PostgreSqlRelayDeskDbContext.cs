using Microsoft.EntityFrameworkCore;

namespace RelayDesk.Data;

/// <summary>
/// The RelayDesk model on PostgreSQL (scale-out: several app instances on one database). Native types: times are
/// <c>timestamptz</c> (always UTC), money <c>numeric</c>. Its migrations live in <c>Migrations/PostgreSql</c>, apart
/// from SQLite's, because EF Core finds migrations by the exact context type.
/// </summary>
public sealed class PostgreSqlRelayDeskDbContext(DbContextOptions<PostgreSqlRelayDeskDbContext> options) : RelayDeskDbContext(options)
{
}
