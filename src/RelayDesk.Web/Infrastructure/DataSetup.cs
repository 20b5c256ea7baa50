using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;

namespace RelayDesk.Web.Infrastructure;

public static class DataSetup
{
    /// <summary>
    /// Registers the database — SQLite by default, PostgreSQL with <c>Database:Provider=PostgreSQL</c> — as
    /// <see cref="RelayDeskDbContext"/>, and the migrations and demo seeding that run on start.
    /// </summary>
    public static WebApplicationBuilder AddRelayDeskData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);

        var connectionString = builder.Configuration.GetConnectionString("RelayDesk");
        if (IsPostgreSql(builder.Configuration))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is PostgreSQL but the connection string ConnectionStrings:RelayDesk is missing. Set it, e.g. "
                    + "ConnectionStrings__RelayDesk=\"Host=db.example;Database=relaydesk;Username=relaydesk;Password=…\".");
            }

            builder.Services.AddDbContext<RelayDeskDbContext, PostgreSqlRelayDeskDbContext>(options => options.UseNpgsql(connectionString));
        }
        else
        {
            var sqlite = string.IsNullOrWhiteSpace(connectionString) ? SqliteConnectionString(builder) : connectionString;
            var normal = string.Equals(builder.Configuration[$"{DatabaseOptions.Section}:SqliteSynchronous"], DatabaseOptions.SynchronousNormal,
                StringComparison.OrdinalIgnoreCase);
            builder.Services.AddDbContext<RelayDeskDbContext>(options =>
            {
                options.UseSqlite(sqlite);
                if (normal)
                {
                    options.AddInterceptors(SqliteSynchronousNormal.Instance);
                }
            });
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<RelayDeskDbContext>("database");
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    private static bool IsPostgreSql(IConfiguration configuration) =>
        string.Equals(configuration[$"{DatabaseOptions.Section}:Provider"], DatabaseOptions.PostgreSql, StringComparison.Ordinal);

    private static string SqliteConnectionString(WebApplicationBuilder builder)
    {
        var path = builder.Configuration[$"{DatabaseOptions.Section}:Path"] ?? new DatabaseOptions().Path;
        var fullPath = Path.GetFullPath(path, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }
}
