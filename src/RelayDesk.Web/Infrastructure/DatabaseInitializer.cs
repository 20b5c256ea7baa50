using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Data.Seeding;

namespace RelayDesk.Web.Infrastructure;

/// <summary>
/// Brings the database up to date before the app serves requests: applies migrations (never EnsureCreated),
/// switches SQLite to WAL so readers don't block the writer, and seeds the demo staff when the demo is enabled. On
/// PostgreSQL, instances starting together on one database do this one after the other.
/// </summary>
internal sealed partial class DatabaseInitializer(IServiceProvider services, IOptions<DemoOptions> demo, TimeProvider clock, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        await using var startup = await DatabaseMigrator.LockForStartupAsync(db, cancellationToken);
        await DatabaseMigrator.MigrateAsync(db, cancellationToken);

        if (demo.Value.Enabled)
        {
            var password = string.IsNullOrWhiteSpace(demo.Value.Password) ? GeneratePassword() : demo.Value.Password;
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(password, cancellationToken);
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoHistorySeeder>()
                .SeedAsync(demo.Value.HistoryWeeks, clock.GetUtcNow(), cancellationToken);
            if (seeded > 0)
            {
                LogHistorySeeded(logger, seeded, demo.Value.HistoryWeeks);
            }

            var started = clock.GetTimestamp();
            var customers = await scope.ServiceProvider.GetRequiredService<DemoAccountsSeeder>()
                .SeedAsync(demo.Value.Customers, clock.GetUtcNow(), cancellationToken);
            if (customers > 0)
            {
                LogAccountsSeeded(logger, customers, clock.GetElapsedTime(started).TotalMilliseconds);
            }

            LogDemoLogins(logger, string.Join(", ", DemoSeeder.DemoLogins), password);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string GeneratePassword() =>
        "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + "!";

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} past demo conversations ({Weeks} weeks) for analytics and staffing")]
    private static partial void LogHistorySeeded(ILogger logger, int count, int weeks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo customers with their purchases in {Milliseconds:0} ms")]
    private static partial void LogAccountsSeeded(ILogger logger, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo logins: {Logins} — password: {Password}")]
    private static partial void LogDemoLogins(ILogger logger, string logins, string password);
}
