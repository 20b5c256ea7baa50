using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelayDesk.Assistant.Conversation;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Llm;
using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Tests.Llm;

/// <summary>
/// The assistant as the app composes it (<see cref="LlmServiceCollectionExtensions.AddAssistantProvider"/>), pointed at
/// a <see cref="FakeOpenAiServer"/>, on a fake clock, with the test's tools and known personal data.
/// </summary>
public sealed class LlmHarness : IAsyncDisposable
{
    private static readonly KnowledgeBase Knowledge = new(HelpArticleCatalog.LoadBuiltIn());

    private LlmHarness(FakeOpenAiServer server, ServiceProvider services, FakeTimeProvider clock)
    {
        Server = server;
        Services = services;
        Clock = clock;
    }

    public FakeOpenAiServer Server { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public IAssistant Assistant => Services.GetRequiredService<IAssistant>();

    public EmbeddedAssistant Embedded => Services.GetRequiredService<EmbeddedAssistant>();

    public static async Task<LlmHarness> StartAsync(
        IReadOnlyList<AITool>? tools = null,
        IReadOnlyList<KnownPersonalValue>? known = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var server = await FakeOpenAiServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var configuration = new Dictionary<string, string?>
        {
            ["Assistant:Provider"] = "OpenAI",
            ["Assistant:OpenAI:Endpoint"] = server.Endpoint.ToString(),
            ["Assistant:OpenAI:Model"] = "fake-model",
            ["Assistant:OpenAI:ApiKey"] = "test-key",
            ["Assistant:OpenAI:RequestTimeout"] = TimeSpan.FromSeconds(5).ToString("c", CultureInfo.InvariantCulture),
            ["Assistant:OpenAI:BreakerSamplingDuration"] = TimeSpan.FromMinutes(10).ToString("c", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(Knowledge);
        services.AddSingleton<IIntentRecognizer, NoIntents>();
        services.AddSingleton<EmbeddedAssistant>();
        services.AddSingleton<IAssistantToolbox>(new FixedToolbox(tools ?? []));
        services.AddSingleton<ICustomerPersonalData>(new FixedPersonalData(known ?? []));
        configure?.Invoke(services);
        services.AddAssistantProvider();
        return new LlmHarness(server, services.BuildServiceProvider(validateScopes: true), clock);
    }

    public async ValueTask DisposeAsync()
    {
        // The endpoint first: it ends any request still open, so no resilience pipeline waits for one on the fake clock.
        await Server.DisposeAsync();
        await Services.DisposeAsync();
    }

    private sealed class NoIntents : IIntentRecognizer
    {
        public IntentPrediction? Recognize(string text) => null;
    }

    private sealed class FixedToolbox(IReadOnlyList<AITool> tools) : IAssistantToolbox
    {
        public IReadOnlyList<AITool> ToolsFor(AssistantTurn turn) => turn.CustomerId is null ? [] : tools;
    }

    private sealed class FixedPersonalData(IReadOnlyList<KnownPersonalValue> known) : ICustomerPersonalData
    {
        public ValueTask<IReadOnlyList<KnownPersonalValue>> FindAsync(string customerId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(known);
    }
}
