using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RelayDesk.Assistant.Conversation;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Llm;
using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Tests.Llm;

public sealed class AssistantProviderOptionsTests
{
    [Fact]
    public void WithoutConfiguration_TheEmbeddedAssistantAnswers()
    {
        using var services = Compose([]);

        Assert.IsType<EmbeddedAssistant>(services.GetRequiredService<IAssistant>());
    }

    [Fact]
    public void AConfiguredOpenAIProvider_AnswersWithTheEmbeddedAssistantAsFallback()
    {
        using var services = Compose(new()
        {
            ["Assistant:Provider"] = "OpenAI",
            ["Assistant:OpenAI:Endpoint"] = "http://localhost:11434/v1",
            ["Assistant:OpenAI:Model"] = "llama3.1",
        });

        Assert.IsType<FallbackAssistant>(services.GetRequiredService<IAssistant>());
    }

    [Fact]
    public void AnOpenAIProvider_WithoutModelOrEndpoint_FailsWithAClearMessage()
    {
        using var services = Compose(new() { ["Assistant:Provider"] = "OpenAI" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AssistantProviderOptions>>().Value);

        Assert.Contains("Assistant:OpenAI:Endpoint is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Assistant:OpenAI:Model is missing", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(_ => new KnowledgeBase(HelpArticleCatalog.LoadBuiltIn()));
        services.AddSingleton<IIntentRecognizer, NoIntents>();
        services.AddSingleton<EmbeddedAssistant>();
        services.AddAssistantProvider();
        return services.BuildServiceProvider();
    }

    private sealed class NoIntents : IIntentRecognizer
    {
        public IntentPrediction? Recognize(string text) => null;
    }
}
