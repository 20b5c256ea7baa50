using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Data.Seeding;

namespace RelayDesk.Web.Infrastructure;

/// <summary>
/// Brings the database up to date before the app serves requests: applies migrations (never EnsureCreated),
/// switches SQLite to WAL so readers don't block the writer, and seeds the demo staff when the demo is enabled.
/// </summary>
internal sealed partial class DatabaseInitializer(IServiceProvider services, IOptions<DemoOptions> demo, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        await DatabaseMigrator.MigrateAsync(db, cancellationToken);

        if (demo.Value.Enabled)
        {
            var password = string.IsNullOrWhiteSpace(demo.Value.Password) ? GeneratePassword() : demo.Value.Password;
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(password, cancellationToken);
            LogDemoLogins(logger, string.Join(", ", DemoSeeder.DemoLogins), password);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string GeneratePassword() =>
        "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + "!";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo logins: {Logins} — password: {Password}")]
    private static partial void LogDemoLogins(ILogger logger, string logins, string password);
}
