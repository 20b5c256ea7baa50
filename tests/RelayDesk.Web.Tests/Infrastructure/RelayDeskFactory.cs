using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RelayDesk.Assistant;

namespace RelayDesk.Web.Tests.Infrastructure;

/// <summary>
/// The real app in memory, on its own SQLite file in a fresh folder, with the demo staff seeded. Tests may swap the
/// assistant (to make it fail) and shorten its timeout.
/// </summary>
public sealed class RelayDeskFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Test-Pass-1234!";

    private readonly string _folder;

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

    public string DatabasePath => Path.Combine(_folder, "relaydesk.db");

    /// <summary>One intent-model cache for every test app of this run: trained once, loaded by the others.</summary>
    public static string SharedModelCache { get; } = Path.Combine(Path.GetTempPath(), "relaydesk-tests-nlu");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("CustomerTokens:KeyFile", Path.Combine(_folder, "customer-token.key"));
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Assistant:ModelCacheDirectory", SharedModelCache);
        builder.UseSetting("Demo:HistoryWeeks", HistoryWeeks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Demo:Customers", DemoCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on this platform; the temp folder is cleaned up by the OS.
        }
    }
}
