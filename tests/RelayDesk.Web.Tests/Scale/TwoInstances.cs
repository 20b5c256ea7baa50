using Microsoft.Extensions.Time.Testing;
using RelayDesk.Assistant;
using RelayDesk.Web.Tests.Infrastructure;
using RelayDesk.Web.Tests.Routing;

namespace RelayDesk.Web.Tests.Scale;

/// <summary>
/// Two instances of the desk on one database (a shared SQLite file in WAL mode, or one PostgreSQL database) and one Redis, as behind a load
/// balancer. They share one fake clock; instance A starts (migrates, seeds) before B. Every pair gets its own Redis
/// channel prefix, so pairs of parallel tests do not hear each other.
/// </summary>
internal sealed class TwoInstances : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "relaydesk-tests", "scale-" + Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database;

    public TwoInstances(IAssistant? assistant = null, TestDatabase database = TestDatabase.Sqlite)
    {
        _database = database;
        var settings = new Dictionary<string, string?>
        {
            ["SignalR:Redis"] = TestRedis.ConnectionString,
            ["SignalR:ChannelPrefix"] = "relaydesk-test-" + Guid.NewGuid().ToString("N"),

            // Both instances share the fake clock, but their heartbeats run on their own: the tests that advance it by
            // minutes must not see the other instance as dead meanwhile. Instance death has tests of its own.
            ["ScaleOut:InstanceTimeout"] = "01:00:00",
        };
        A = Start(settings, assistant, keepData: true);

        // B is disposed last: on PostgreSQL it drops the shared database once both have stopped.
        B = Start(settings, assistant, keepData: database == TestDatabase.Sqlite);
    }

    public FakeTimeProvider Clock { get; } = RoutingProbe.Clock();

    public RelayDeskFactory A { get; }

    public RelayDeskFactory B { get; }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on this platform; the temp folder is cleaned up by the OS.
        }
    }

    private RelayDeskFactory Start(IReadOnlyDictionary<string, string?> settings, IAssistant? assistant, bool keepData)
    {
        var factory = new RelayDeskFactory(_folder)
        {
            Database = _database,
            KeepData = keepData,
            Clock = Clock,
            Settings = settings,
            Assistant = assistant,
            AssistantTimeout = assistant is null ? null : TimeSpan.FromMinutes(10),
        };
        _ = factory.Server; // Started now, so A has migrated and seeded before B starts.
        return factory;
    }
}
