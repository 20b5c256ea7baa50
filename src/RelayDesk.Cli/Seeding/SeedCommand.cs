using System.CommandLine;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RelayDesk.Data;
using RelayDesk.Data.Seeding;

namespace RelayDesk.Cli.Seeding;

/// <summary><c>relaydesk seed</c>: brings a database up to date and seeds the demo staff, and the demo accounts, as the web app's first start does.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var database = new Option<FileInfo>("--database")
        {
            Description = "The SQLite file to create or update.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "RelayDesk.Web", "App_Data", "relaydesk.db")),
        };
        var password = new Option<string>("--password")
        {
            Description = "Password for the demo staff (agent1…agent8@demo.local, supervisor@demo.local).",
            Required = true,
        };
        var customers = new Option<int>("--customers")
        {
            Description = "Demo BNPL customers to generate (deterministic, DE and EN) when the database has none yet.",
            DefaultValueFactory = _ => DemoAccountsSeeder.DefaultCustomers,
        };
        var command = new Command("seed", "Apply migrations and seed the demo staff and the demo accounts into a SQLite database.") { database, password, customers };
        command.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetValue(database)!;
            var accounts = await SeedAsync(file, result.GetValue(password)!, result.GetValue(customers), cancellationToken);
            Console.WriteLine($"Seeded {string.Join(", ", DemoSeeder.DemoLogins)} and {accounts} demo customers into {file.FullName}");
            return 0;
        });
        return command;
    }

    internal static async Task<int> SeedAsync(FileInfo file, string password, int customers, CancellationToken cancellationToken)
    {
        file.Directory?.Create();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<RelayDeskDbContext>(options =>
            options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file.FullName }.ToString()));
        // Password resets need a token protector; the tokens live only for this run.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddIdentityCore<AgentUser>(options => options.Password.RequiredLength = 8)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RelayDeskDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<DemoSeeder>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        await DatabaseMigrator.MigrateAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(password, cancellationToken);
        return await new DemoAccountsSeeder(db).SeedAsync(customers, TimeProvider.System.GetUtcNow(), cancellationToken);
    }
}
