using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using RelayDesk.Assistant.Conversation;

namespace RelayDesk.Assistant.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAssistant"/> by <c>Assistant:Provider</c>: the <see cref="EmbeddedAssistant"/> (which the
    /// caller registers, with its knowledge base and intent model), or the LLM with the embedded assistant as fallback.
    /// The options are validated on start. The seams <see cref="IAssistantToolbox"/> and
    /// <see cref="ICustomerPersonalData"/> default to "none"; register real ones (singleton or scoped: they are resolved
    /// from a scope per turn) to replace them.
    /// </summary>
    public static IServiceCollection AddAssistantProvider(this IServiceCollection services)
    {
        services.AddOptions<AssistantProviderOptions>().BindConfiguration(AssistantProviderOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssistantProviderOptions>, AssistantProviderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<LlmMetrics>();
        services.TryAddSingleton<IAssistantToolbox, EmptyAssistantToolbox>();
        services.TryAddSingleton<ICustomerPersonalData, NoCustomerPersonalData>();
        services.TryAddSingleton<LlmChatClientSource>();
        services.TryAddSingleton<LlmAssistant>();
        services.TryAddSingleton<FallbackAssistant>();
        services.AddHttpClient(LlmChatClientSource.HttpClientName)
            .AddResilienceHandler("llm", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<AssistantProviderOptions>>().Value.OpenAI;
                pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();

                // The breaker sits outside the timeout, so a hung model counts as a failure too.
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = o.BreakerFailureRatio,
                    MinimumThroughput = o.BreakerMinimumThroughput,
                    SamplingDuration = o.BreakerSamplingDuration,
                    BreakDuration = o.BreakerDuration,
                });
                pipeline.AddTimeout(o.RequestTimeout);
            });

        services.AddSingleton<IAssistant>(provider =>
            provider.GetRequiredService<IOptions<AssistantProviderOptions>>().Value.Provider == AssistantProvider.OpenAI
                ? provider.GetRequiredService<FallbackAssistant>()
                : provider.GetRequiredService<EmbeddedAssistant>());
        return services;
    }
}
