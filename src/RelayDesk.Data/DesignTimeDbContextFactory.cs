using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RelayDesk.Data;

// Let `dotnet ef migrations add` build the model without starting the web host. One migration set per provider:
//   dotnet dotnet-ef migrations add <Name> --project src/RelayDesk.Data --context RelayDeskDbContext --output-dir Migrations/Sqlite
//   dotnet dotnet-ef migrations add <Name> --project src/RelayDesk.Data --context PostgreSqlRelayDeskDbContext --output-dir Migrations/PostgreSql
// (then delete src/RelayDesk.Data/design-time.db*). Neither needs a running database.

/// <summary>The SQLite model for <c>dotnet ef</c>.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RelayDeskDbContext>
{
    public RelayDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RelayDeskDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>The PostgreSQL model for <c>dotnet ef</c>; the connection string is only used by <c>database update</c>.</summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlRelayDeskDbContext>
{
    public PostgreSqlRelayDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlRelayDeskDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("RELAYDESK_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=relaydesk;Password=relaydesk;Database=relaydesk")
            .Options);
}
