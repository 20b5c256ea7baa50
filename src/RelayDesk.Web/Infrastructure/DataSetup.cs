using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;

namespace RelayDesk.Web.Infrastructure;

public static class DataSetup
{
    /// <summary>Registers the database (SQLite by default) and the demo seeding that runs on start.</summary>
    public static WebApplicationBuilder AddRelayDeskData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);

        var connectionString = builder.Configuration.GetConnectionString("RelayDesk") ?? SqliteConnectionString(builder);
        builder.Services.AddDbContext<RelayDeskDbContext>(options => options.UseSqlite(connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<RelayDeskDbContext>("database");
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    private static string SqliteConnectionString(WebApplicationBuilder builder)
    {
        var path = builder.Configuration[$"{DatabaseOptions.Section}:Path"] ?? new DatabaseOptions().Path;
        var fullPath = Path.GetFullPath(path, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }
}
