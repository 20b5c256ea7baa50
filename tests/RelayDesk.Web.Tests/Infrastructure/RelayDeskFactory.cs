using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using RelayDesk.Assistant;

namespace RelayDesk.Web.Tests.Infrastructure;

/// <summary>The database engine a test app runs on.</summary>
public enum TestDatabase
{
    /// <summary>A SQLite file in the app's folder.</summary>
    Sqlite,

    /// <summary>
    /// A database <c>relaydesk_t_&lt;folder&gt;</c> of its own on the test PostgreSQL server
    /// (<see cref="RelayDeskFactory.PostgresServer"/>), created by the app's migrations and dropped at dispose.
    /// </summary>
    PostgreSql,
}

/// <summary>
/// The real app in memory, on its own SQLite file in a fresh folder (or its own PostgreSQL database), with the demo
/// staff seeded. Tests may swap the assistant (to make it fail) and shorten its timeout. A second factory on the same
/// folder is the same app restarted — or, while the first still runs, a second instance on the same data.
/// </summary>
public sealed class RelayDeskFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Test-Pass-1234!";

    private readonly string _folder;
    private bool _postgresUsed;

    public RelayDeskFactory()
        : this(Path.Combine(Path.GetTempPath(), "relaydesk-tests", Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>An app on an existing data folder: a restart of the app that used it before.</summary>
    public RelayDeskFactory(string folder)
    {
        _folder = folder;
    }

    public string Folder => _folder;

    /// <summary>Keep the data folder when disposed, so another instance can start on it.</summary>
    public bool KeepData { get; init; }

    public IAssistant? Assistant { get; init; }

    /// <summary>Weeks of demo history to seed; none by default, so tests start from an empty desk.</summary>
    public int HistoryWeeks { get; init; }

    public TimeSpan? AssistantTimeout { get; init; }

    /// <summary>Demo BNPL customers to seed (the same first ones as the full demo): a few of every situation by default.</summary>
    public int DemoCustomers { get; init; } = 24;

    /// <summary>Further configuration, e.g. the assistant's LLM provider.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
    /// <summary>
    /// Whether the desk keeps its business hours (Mon–Sat 08–20 Berlin); by default tests run a desk open around the
    /// clock, so they do not depend on the hour they run at.
    /// </summary>
    public bool BusinessHours { get; init; }

    /// <summary>The app's clock (e.g. a <c>FakeTimeProvider</c> that drives routing's timers); the system clock when null.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The database engine; SQLite by default.</summary>
    public TestDatabase Database { get; init; } = TestDatabase.Sqlite;

    public string DatabasePath => Path.Combine(_folder, "relaydesk.db");

    /// <summary>The PostgreSQL database of this app (and of any other app on the same folder).</summary>
    public string PostgresDatabase => "relaydesk_t_" + Path.GetFileName(_folder);

    /// <summary>
    /// The test PostgreSQL server (no database): <c>RELAYDESK_TEST_POSTGRES</c>, by default the one <c>.ci/run</c>
    /// installs and starts on loopback.
    /// </summary>
    public static string PostgresServer { get; } =
        Environment.GetEnvironmentVariable("RELAYDESK_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : "Host=127.0.0.1;Port=5432;Username=relaydesk;Password=relaydesk";

    public string PostgresConnectionString =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = PostgresDatabase }.ToString();

    /// <summary>One intent-model cache for every test app of this run: trained once, loaded by the others.</summary>
    public static string SharedModelCache { get; } = Path.Combine(Path.GetTempPath(), "relaydesk-tests-nlu");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", DatabasePath);
        if (Database == TestDatabase.PostgreSql)
        {
            EnsurePostgresReachable();
            _postgresUsed = true;
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:RelayDesk", PostgresConnectionString);
        }

        builder.UseSetting("CustomerTokens:KeyFile", Path.Combine(_folder, "customer-token.key"));
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Assistant:ModelCacheDirectory", SharedModelCache);
        builder.UseSetting("Demo:HistoryWeeks", HistoryWeeks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Demo:Customers", DemoCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Routing:AroundTheClock", BusinessHours ? "false" : "true");
        if (AssistantTimeout is { } timeout)
        {
            builder.UseSetting("Assistant:TurnTimeout", timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(Clock);
            }

            if (Assistant is not null)
            {
                services.RemoveAll<IAssistant>();
                services.AddSingleton(Assistant);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepData)
        {
            return;
        }

        if (_postgresUsed)
        {
            DropPostgresDatabase();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on this platform; the temp folder is cleaned up by the OS.
        }
    }

    private static void EnsurePostgresReachable()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString());
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            var where = new NpgsqlConnectionStringBuilder(PostgresServer) { Password = null }.ToString();
            throw new InvalidOperationException(
                $"PostgreSQL not reachable at {where} ({e.Message}): `bash .ci/run` installs and starts it, or set RELAYDESK_TEST_POSTGRES.", e);
        }
    }

    private void DropPostgresDatabase()
    {
        using (var pooled = new NpgsqlConnection(PostgresConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
